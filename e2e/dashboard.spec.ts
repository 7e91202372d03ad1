import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { pageAs } from "./support";

type Stats = {
  overdue: number;
  byParty: { slug: string; name: string; overdue: number; broken: number }[];
  byTheme: { theme: string; total: number }[];
  byMesa: { name: string; total: number }[];
};
const statsOf = async (request: APIRequestContext, query: string) =>
  (await (await request.get(`/api/v1/stats?${query}`)).json()) as Stats;

/** The rows of a chart's table as text: its name cell and its figures. */
const tableRows = (page: import("@playwright/test").Page, chart: string) =>
  page.locator(`figure[data-chart="${chart}"] table tbody tr`);

test("changing the party filter updates the charts' tables and the URL without a reload; the URL restores the view", async ({
  page,
  request,
}) => {
  const all = await statsOf(request, "");
  // A party responsible in some mesas only, so that its view differs from the whole.
  let party = all.byParty[0];
  let partyStats = all;
  for (party of all.byParty) {
    partyStats = await statsOf(request, `party=${party.slug}`);
    if (partyStats.byMesa.length < all.byMesa.length) break;
  }
  expect(partyStats.byMesa.length).toBeLessThan(all.byMesa.length);

  await page.goto("/");
  await expect(tableRows(page, "status-by-mesa")).toHaveCount(all.byMesa.length);
  // The drawing comes when its chart nears the screen.
  const monthly = page.locator('figure[data-chart="monthly"]');
  await expect(monthly.locator("svg.recharts-surface")).toHaveCount(0);
  await monthly.scrollIntoViewIfNeeded();
  await expect(monthly.locator("svg.recharts-surface")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await page
    .getByRole("search", { name: "Filtros del panel" })
    .getByLabel("Entidad responsable")
    .selectOption(party.slug);
  await expect(page).toHaveURL(new RegExp(`[?&]party=${party.slug}(&|#|$)`));
  await expect(tableRows(page, "status-by-mesa")).toHaveCount(partyStats.byMesa.length);
  await expect(tableRows(page, "status-by-mesa").first().locator("th, td").first()).toHaveText(
    partyStats.byMesa[0].name,
  );
  await expect(page.locator('[data-status="overdue"] strong').first()).toHaveText(String(partyStats.overdue));
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  await page.reload();
  await expect(page.getByRole("search", { name: "Filtros del panel" }).getByLabel("Entidad responsable")).toHaveValue(
    party.slug,
  );
  await expect(tableRows(page, "status-by-mesa")).toHaveCount(partyStats.byMesa.length);

  // Back in history shows the whole set again.
  await page.goto("/");
  await page.getByRole("search", { name: "Filtros del panel" }).getByLabel("Situación al").fill("2025-06-30");
  await page.getByRole("search", { name: "Filtros del panel" }).getByLabel("Situación al").blur();
  await expect(page).toHaveURL(/asOf=2025-06-30/);
  const then = await statsOf(request, "asOf=2025-06-30");
  await expect(page.locator('[data-status="overdue"] strong').first()).toHaveText(String(then.overdue));
  await expect(page.getByText("Cifras al 30 jun. 2025")).toBeVisible();
});

test("what changed between two days lists a status change made now", async ({ browser, request }) => {
  const list = await (await request.get("/api/v1/commitments?mesa=espinar&pageSize=100")).json();
  const open = list.data.find((c: { status: string }) => ["pending", "in_progress", "partial"].includes(c.status));
  const commissioner = await pageAs(browser, "admin");
  const changed = await commissioner.request.post(`/api/v1/commitments/${open.id}/status`, {
    data: { status: "broken", reason: "Declarado incumplido en la sesión (e2e)." },
  });
  expect(changed.status()).toBe(200);

  const reader = await pageAs(browser, "anonymous");
  const today = (await (await request.get("/api/v1/stats")).json()).day as string;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await reader.goto(`/mesas/espinar?since=${yesterday}`);
  const broken = reader.locator('[data-change="broken"]');
  await expect(broken.getByRole("link", { name: new RegExp(open.code) })).toBeVisible();
  await expect(broken).toContainText(/→ Incumplido/);
  await expect(
    reader.locator('[data-change="fulfilled"]').getByRole("link", { name: new RegExp(open.code) }),
  ).toHaveCount(0);
});

test("each agreement-quality figure links to the list of exactly those commitments", async ({ page, request }) => {
  const stats = await (await request.get("/api/v1/stats?mesa=espinar")).json();
  await page.goto("/mesas/espinar");
  await page.locator('[data-quality="withoutDeadline"] a').click();
  await expect(page).toHaveURL(/quality=withoutDeadline/);
  await expect(page.getByRole("table", { name: /Compromisos de la mesa/ })).toContainText(
    `(${stats.quality.withoutDeadline} resultados)`,
  );
});

test("an embed answers in a frame on another site; other pages refuse to be framed", async ({ page, baseURL }) => {
  const embed = await page.request.get("/embed/mesas/las-bambas");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const home = await page.request.get("/");
  expect(home.headers()["x-frame-options"]).toBe("DENY");
  expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // A newsroom's page on another origin (another port of this machine: Chrome keeps other
  // sites from framing loopback addresses at all, which would hide what the headers do).
  const newsroom = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>Diario</title>
      <iframe id="embed" src="${baseURL}/embed/mesas/las-bambas"></iframe>
      <iframe id="page" src="${baseURL}/mesas/las-bambas"></iframe>`);
  });
  await new Promise<void>((resolve) => newsroom.listen(0, "127.0.0.1", resolve));
  const { port } = newsroom.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/nota`);
  await expect(page.frameLocator("#embed").getByRole("heading", { level: 1 })).toContainText("Cotabambas");
  await expect(page.frameLocator("#embed").locator('figure[data-chart="monthly"] table')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.frameLocator("#page").getByRole("heading", { level: 1 })).toHaveCount(0);
  newsroom.close();
});

test("the dashboard offers the embed code of what it shows", async ({ page }) => {
  await page.goto("/mesas/espinar?asOf=2025-06-30");
  await page.getByText("Insertar este panel en otro sitio").click();
  await expect(page.getByLabel("Código para insertar")).toHaveValue(
    /<iframe src="http:\/\/localhost:\d+\/embed\/mesas\/espinar\?asOf=2025-06-30"/,
  );
});

test("on a mesa page the dashboard's dates leave the commitments table's filters in the URL", async ({ page }) => {
  await page.goto("/mesas/las-bambas?status=pending#commitments");
  const dates = page.getByRole("search", { name: "Filtros del panel" });
  await dates.getByLabel("Comparar desde").fill("2025-01-01");
  // Typing a date does not apply each digit; leaving the field does.
  await expect(page).not.toHaveURL(/since=/);
  await dates.getByLabel("Comparar desde").blur();
  await expect(page).toHaveURL(/since=2025-01-01/);
  await expect(page).toHaveURL(/status=pending/);
  await expect(dates.getByLabel("Comparar desde")).toHaveValue("2025-01-01");
  await expect(page.locator("[data-change]")).toHaveCount(3);
});

test("a link with a party that does not exist shows the whole set, as the server read it", async ({
  page,
  request,
}) => {
  const all = await statsOf(request, "");
  await page.goto("/?party=nadie&asOf=2025-02-31");
  await expect(tableRows(page, "status-by-mesa")).toHaveCount(all.byMesa.length);
  await expect(page.locator('[data-status="overdue"] strong').first()).toHaveText(String(all.overdue));
  await expect(page.getByText("No se pudieron cargar las cifras")).toHaveCount(0);
});

test("sorting the party table keeps the order in the URL, and the link restores it", async ({ page, request }) => {
  const all = await statsOf(request, "");
  const byName = [...all.byParty].sort((a, b) => a.name.localeCompare(b.name, "es"));
  await page.goto("/");
  const parties = page.locator('figure[data-chart="parties"]');
  await parties.getByRole("button", { name: /^Entidad/ }).click();
  await expect(page).toHaveURL(/psort=party&pdir=asc/);
  await expect(tableRows(page, "parties").first().locator("th")).toHaveText(byName[0].name);
  await page.reload();
  await expect(tableRows(page, "parties").first().locator("th")).toHaveText(byName[0].name);
  await expect(parties.locator('th[aria-sort="ascending"]')).toHaveCount(1);
});
