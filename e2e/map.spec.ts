import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pageAs } from "./support";

// /map (CONTRACT §4): one named link per placed mesa, and a table with the figures that
// /api/v1/mesas answers the public.

type ApiMesa = {
  slug: string;
  name: string;
  region: string;
  counts: Record<string, number>;
  complianceRate: number | null;
  latitude: number | null;
  longitude: number | null;
};

const percent = new Intl.NumberFormat("es-PE", { style: "percent", maximumFractionDigits: 0 });
const rateText = (rate: number | null) => (rate === null ? "Sin datos" : percent.format(rate));
/** Commitments: every status counted once (overdue is a subset of the open ones). */
const total = ({ counts: { overdue: _, ...byStatus } }: ApiMesa) => Object.values(byStatus).reduce((a, b) => a + b, 0);
const markName = (mesa: ApiMesa) =>
  `${mesa.name} (${mesa.region}): ${total(mesa)} compromisos, cumplimiento ${rateText(mesa.complianceRate)}`;

async function publicMesas(request: APIRequestContext): Promise<ApiMesa[]> {
  return (await (await request.get("/api/v1/mesas")).json()).data;
}

const marksOf = (page: Page) => page.locator("svg.mesa-map-svg").getByRole("link");
const mapTable = (page: Page) => page.getByRole("table", { name: "Las mesas del mapa con sus cifras" });

test("/map draws one named link per placed mesa and a table with the figures of /api/v1/mesas", async ({
  page,
  request,
}) => {
  const mesas = await publicMesas(request);
  const placed = mesas.filter((m) => m.latitude !== null && m.longitude !== null);
  expect(placed.map((m) => m.slug)).toEqual(expect.arrayContaining(["las-bambas", "quellaveco", "espinar"]));

  await page.goto("/");
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Mapa" }).click();
  await expect(page).toHaveURL(/\/map$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mapa de las mesas de diálogo");

  await expect(marksOf(page)).toHaveCount(placed.length);
  for (const mesa of placed) {
    await expect(marksOf(page).and(page.getByRole("link", { name: markName(mesa), exact: true }))).toHaveAttribute(
      "href",
      `/mesas/${mesa.slug}`,
    );
  }

  const rows = mapTable(page).locator("tbody tr");
  await expect(rows).toHaveCount(mesas.length);
  for (const mesa of mesas) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name: mesa.name, exact: true }) });
    await expect(row.getByRole("cell")).toHaveText([
      mesa.region,
      String(total(mesa)),
      rateText(mesa.complianceRate),
      mesa.latitude === null ? "Sin ubicar" : `${mesa.latitude.toFixed(2)}, ${mesa.longitude!.toFixed(2)}`,
    ]);
  }

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a mark takes the keyboard focus, shows it, and opens its mesa", async ({ page }) => {
  await page.goto("/map");
  const first = marksOf(page).first();
  const href = await first.getAttribute("href");
  // Tab from the top of the page until the focus reaches the map.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await first.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(first).toBeFocused();
  const ring = first.locator("circle.map-focus-ring");
  await expect(ring).toHaveCSS("stroke-width", "3px");
  expect(await ring.evaluate((el) => getComputedStyle(el).stroke)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("an admin places a mesa in its edit form; until then it is only in the table, with a note", async ({
  browser,
  page,
}) => {
  const admin = await pageAs(browser, "admin");
  const save = async (latitude: string, longitude: string) => {
    await admin.goto("/mesas/espinar/edit");
    await admin.getByLabel(/^Latitud/).fill(latitude);
    await admin.getByLabel(/^Longitud/).fill(longitude);
    await admin.getByRole("button", { name: "Guardar" }).first().click();
  };
  try {
    await save("14,79", "-71,41"); // the minus sign forgotten: north of the equator, not Peru
    await expect(admin.getByLabel(/^Latitud/)).toHaveAccessibleDescription("El valor no es válido.");

    await save("", "");
    await expect(admin.getByText("Datos de la mesa guardados.")).toBeVisible();
    const placed = (await publicMesas(page.request)).filter((m) => m.latitude !== null);
    expect(placed.map((m) => m.slug)).not.toContain("espinar");
    await page.goto("/map");
    await expect(marksOf(page)).toHaveCount(placed.length);
    await expect(marksOf(page).and(page.getByRole("link", { name: /Espinar/ }))).toHaveCount(0);
    const row = mapTable(page).locator("tbody tr").filter({ hasText: "Espinar" });
    await expect(row.getByRole("cell").last()).toHaveText("Sin ubicar");
    await expect(page.getByText(/aún no tienen coordenadas/)).toBeVisible();
  } finally {
    await save("-14,79", "-71,41");
    await expect(admin.getByText("Datos de la mesa guardados.")).toBeVisible();
  }
  await page.goto("/map");
  await expect(marksOf(page).and(page.getByRole("link", { name: /Espinar/ }))).toHaveCount(1);
  await expect(page.getByText(/aún no tienen coordenadas/)).toHaveCount(0);
});

test("the map's embed may be framed by another site, its links leave the frame", async ({ page, baseURL }) => {
  const embed = await page.request.get("/embed/map");
  expect(embed.status()).toBe(200);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect((await page.request.get("/map")).headers()["x-frame-options"]).toBe("DENY");

  // Another origin (another port: Chrome keeps other sites from framing loopback addresses).
  const newsroom = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>Diario</title><iframe id="map" src="${baseURL}/embed/map"></iframe>`);
  });
  await new Promise<void>((resolve) => newsroom.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = newsroom.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/nota`);
    const frame = page.frameLocator("#map");
    const marks = frame.locator("svg.mesa-map-svg").getByRole("link");
    const placed = (await publicMesas(page.request)).filter((m) => m.latitude !== null);
    await expect(marks).toHaveCount(placed.length);
    await expect(marks.first()).toHaveAttribute("target", "_blank");
    await expect(frame.getByRole("navigation")).toHaveCount(0);

    await page.goto("/embed/map");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  } finally {
    newsroom.close();
  }
});
