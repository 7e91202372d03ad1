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
  const totals = page.getByRole("region", { name: "Compromisos por estado" });
  for (const status of ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"]) {
    await expect(totals.locator(`[data-status="${status}"] strong`)).toHaveText(String(stats.counts[status]));
  }
  await expect(totals.locator('[data-status="overdue"] strong')).toHaveText(String(stats.overdue));

  // The chart's numbers are also in a table, one row per party with overdue or broken ones.
  const table = page.getByRole("table", { name: "Vencidos, incumplidos y tasa de cumplimiento por entidad" });
  const failing = stats.byParty.filter((p: { overdue: number; broken: number }) => p.overdue + p.broken > 0);
  await expect(table.getByRole("row")).toHaveCount(failing.length + 1);
  const first = table.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(failing[0].name);
  await expect(first.getByRole("cell").nth(0)).toHaveText(String(failing[0].overdue));
  await expect(first.getByRole("cell").nth(1)).toHaveText(String(failing[0].broken));
});

test("an unknown mesa, party or commitment shows a clear not-found page", async ({ page }) => {
  for (const path of ["/mesas/no-existe", "/parties/no-existe", "/commitments/999999", "/commitments/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
    await expect(page.getByRole("link", { name: "Volver al resumen" })).toBeVisible();
  }
});
