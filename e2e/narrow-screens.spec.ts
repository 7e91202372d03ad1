import { expect, test, type Page } from "@playwright/test";
import { PUBLIC_PAGES, STAFF_PAGES, pagesFor, visit } from "./pages";
import { signIn } from "./support";

// Issue 8: every page fits a 360 px phone without scrolling sideways. Wide tables scroll inside
// their own region (.table-scroll), which does not widen the page. Soft assertions: one run names
// every page that does not fit.
test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ timeout: 90_000 });

async function expectFits(page: Page, path: string) {
  // `goto` waits for the load event, which comes after the last streamed (Suspense) part.
  await visit(page, path);
  const widths = await page.evaluate(() => ({
    viewport: window.innerWidth,
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect.soft(widths.document, `${path}: the page is wider than the screen`).toBeLessThanOrEqual(widths.viewport);
  expect.soft(widths.body, `${path}: the body is wider than the screen`).toBeLessThanOrEqual(widths.viewport);
}

test("every public page fits a 360 px screen", async ({ page, request }) => {
  for (const path of await pagesFor(request, PUBLIC_PAGES)) await expectFits(page, path);
});

for (const [account, paths] of STAFF_PAGES) {
  test(`every page ${account} works on fits a 360 px screen`, async ({ page, request }) => {
    const pages = await pagesFor(request, paths);
    await signIn(page, account);
    for (const path of pages) await expectFits(page, path);
  });
}
