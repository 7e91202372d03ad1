import { expect, test } from "@playwright/test";

test("the overview lists the three mesas, with the same totals as the stats API", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compromisos de las mesas de diálogo");
  await expect(page.getByRole("note")).toContainText("Datos de demostración");

  const mesas = page.getByRole("region", { name: "Mesas de diálogo" }).getByRole("heading", { level: 3 });
  await expect(mesas).toHaveCount(3);
  await expect(mesas.filter({ hasText: "Bambas" })).toHaveCount(1);
  await expect(mesas.filter({ hasText: "Moquegua" })).toHaveCount(1);
  await expect(mesas.filter({ hasText: "Espinar" })).toHaveCount(1);

  const stats = await (await request.get("/api/v1/stats")).json();
  const totals = page.getByRole("region", { name: "Panel de cumplimiento" });
  for (const status of ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"]) {
    await expect(totals.locator(`[data-status="${status}"] strong`)).toHaveText(String(stats.counts[status]));
  }
  await expect(totals.locator('[data-status="overdue"] strong')).toHaveText(String(stats.overdue));

  // The party chart has its numbers in a table, one row per responsible party, most overdue and
  // broken first.
  const table = page.getByRole("table", { name: /Vencidos, incumplidos y tasa de cumplimiento por entidad/ });
  await expect(table.getByRole("row")).toHaveCount(stats.byParty.length + 1);
  const first = table.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(stats.byParty[0].name);
  await expect(first.getByRole("cell").nth(0)).toHaveText(String(stats.byParty[0].overdue));
  await expect(first.getByRole("cell").nth(1)).toHaveText(String(stats.byParty[0].broken));
});

type ApiMesa = { slug: string; name: string; region: string; counts: Record<string, number> };
const totalOf = (m: ApiMesa) =>
  Object.entries(m.counts)
    .filter(([key]) => key !== "overdue")
    .reduce((sum, [, n]) => sum + n, 0);

test("the mesa table sorts by its headers and filters with a plain GET form", async ({ page, request }) => {
  const mesas = ((await (await request.get("/api/v1/mesas")).json()) as { data: ApiMesa[] }).data;
  // Three demo mesas are cards; the link (or any list parameter) gives the table.
  await page.goto("/");
  await page.getByRole("link", { name: "Ver las mesas en una tabla para ordenarlas y filtrarlas" }).click();
  await expect(page.getByRole("table", { name: /^Mesas de diálogo \(3 resultados\)/ })).toBeVisible();
  const table = page.getByRole("table", { name: /^Mesas de diálogo \(\d+ resultados\)/ });
  const names = table.getByRole("rowheader");
  const byName = [...mesas].sort((a, b) => a.name.localeCompare(b.name, "es")).map((m) => m.name);
  await expect(names).toHaveText(byName);
  await expect(table.getByRole("columnheader", { name: "Nombre" })).toHaveAttribute("aria-sort", "ascending");

  // Commitments: biggest first, then the same link again turns the order round.
  const byTotal = [...mesas].sort((a, b) => totalOf(b) - totalOf(a) || a.name.localeCompare(b.name, "es"));
  await table.getByRole("link", { name: /^Compromisos/ }).click();
  await expect(page).toHaveURL(/sort=total&dir=desc/);
  const totalHeader = table.getByRole("columnheader", { name: /^Compromisos/ });
  await expect(totalHeader).toHaveAttribute("aria-sort", "descending");
  expect(await table.getByRole("columnheader", { name: "Nombre" }).getAttribute("aria-sort")).toBeNull();
  await expect(names).toHaveText(byTotal.map((m) => m.name));
  await expect(table.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText(String(totalOf(byTotal[0])));
  await totalHeader.getByRole("link").click();
  await expect(totalHeader).toHaveAttribute("aria-sort", "ascending");
  const ascending = [...mesas].sort((a, b) => totalOf(a) - totalOf(b) || a.name.localeCompare(b.name, "es"));
  await expect(names).toHaveText(ascending.map((m) => m.name));

  // The filter form keeps the sort; a region leaves its mesa only.
  const bambas = mesas.find((m) => m.slug === "las-bambas")!;
  const filters = page.getByRole("search", { name: "Filtrar mesas" });
  await filters.getByLabel("Región").selectOption(bambas.region);
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/sort=total/);
  await expect(names).toHaveText([bambas.name]);
  await expect(page.getByRole("table", { name: /\(1 resultados\)/ })).toBeVisible();

  // A name that matches nothing, typed without accents or capitals where they would matter.
  await filters.getByLabel("Región").selectOption("");
  await filters.getByLabel("Nombre de la mesa").fill("ESPINAR");
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(names).toHaveText([mesas.find((m) => m.slug === "espinar")!.name]);
  await filters.getByLabel("Nombre de la mesa").fill("no hay tal mesa");
  await filters.getByRole("button", { name: "Filtrar" }).click();
  await expect(page.getByText("Ninguna mesa coincide con los filtros.")).toBeVisible();
});

test("bad list parameters in the URL are dropped, not an error", async ({ page }) => {
  const response = await page.goto("/?mview=table&sort=bogus&dir=sideways&mpage=-1&mstatus=x&region=Marte&ppage=abc");
  expect(response?.status()).toBe(200);
  const table = page.getByRole("table", { name: /^Mesas de diálogo \(3 resultados\)/ });
  await expect(table.getByRole("columnheader", { name: "Nombre" })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("search", { name: "Filtrar mesas" }).getByLabel("Región")).toHaveValue("");
});

test("an unknown mesa, party or commitment shows a clear not-found page", async ({ page }) => {
  for (const path of ["/mesas/no-existe", "/parties/no-existe", "/commitments/999999", "/commitments/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
    await expect(page.getByRole("link", { name: "Volver al resumen" })).toBeVisible();
  }
});
