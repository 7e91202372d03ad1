import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PUBLIC_PAGES, STAFF_PAGES, pagesFor, visit } from "./pages";
import { signIn } from "./support";

// Axe takes a second or two a page, and each test walks a dozen pages.
test.describe.configure({ timeout: 120_000 });

/** Axe over one page: a serious or critical WCAG 2.x A/AA violation fails, named with the path. */
async function expectAccessible(page: Page, path: string) {
  await visit(page, path);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect
    .soft(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      path,
    )
    .toEqual([]);
}

test("no public page has a serious or critical accessibility violation", async ({ page, request }) => {
  for (const path of await pagesFor(request, PUBLIC_PAGES)) await expectAccessible(page, path);
});

for (const [account, paths] of STAFF_PAGES) {
  test(`no page ${account} works on has a serious or critical accessibility violation`, async ({ page, request }) => {
    const pages = await pagesFor(request, paths);
    await signIn(page, account);
    for (const path of pages) await expectAccessible(page, path);
  });
}
