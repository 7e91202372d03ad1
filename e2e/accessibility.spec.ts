import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("no public page has a serious or critical accessibility violation", async ({ page, request }) => {
  const commitments = (await (await request.get("/api/v1/commitments?pageSize=1")).json()).data;
  const stats = await (await request.get("/api/v1/stats")).json();
  const pages = [
    "/",
    "/?mview=table&sort=rate",
    "/mesas/las-bambas",
    "/mesas/espinar?overdue=true",
    `/commitments/${commitments[0].id}`,
    `/parties/${stats.byParty[0].slug}`,
    "/mesas/no-existe",
  ];
  for (const path of pages) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      path,
    ).toEqual([]);
  }
});
