import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageAs, signIn } from "./support";

const HEADER = "code;title;text;theme;responsible_parties;lead_party;made_on;due_on;status";

/** An acta as a spreadsheet in a Spanish locale saves it: `;`-separated, Windows-1252. */
function acta(rows: string[]) {
  return { name: "acta.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\r\n"), "latin1") };
}

test("a commissioner previews an acta with a bad row, nothing is written, then imports the fixed file", async ({
  page,
}) => {
  const code = `IMP-${Date.now().toString(36)}`;
  const total = async () =>
    (await (await page.request.get("/api/v1/commitments?mesa=las-bambas&pageSize=1")).json()).total as number;
  const good = `${code}-1;Reunión con la Compañía en Huancané;Texto del acta.;water;mmg-las-bambas;mmg-las-bambas;15/01/2026;;pending`;
  const bad = `${code}-2;Posta médica;Texto del acta.;health;gore-apurimac;minsa-no-existe;2026-01-15;2026-06-30;in_progress`;
  const fixed = bad.replace("minsa-no-existe", "gore-apurimac");

  await signIn(page, "commissionerA");
  await page.goto("/mesas/las-bambas");
  await page.getByRole("link", { name: "Importar desde un archivo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importar los compromisos de un acta");
  const before = await total();

  await page.getByLabel("Archivo (CSV o .xlsx)").setInputFiles(acta([good, bad]));
  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  // (Next.js's route announcer is an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: "1 de 2 filas tienen problemas" })).toBeVisible();
  const rows = page.getByTestId("import-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Reunión con la Compañía en Huancané");
  await expect(rows.nth(0)).toContainText("Sin problemas");
  await expect(rows.nth(1).getByRole("rowheader")).toHaveText("3");
  await expect(rows.nth(1)).toContainText(
    "lead_party: Marque exactamente una entidad responsable principal entre las elegidas.",
  );
  await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
  expect(await total()).toBe(before);
  // The preview is a state of the page that e2e/accessibility.spec.ts never reaches.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  await page.getByLabel("Archivo (CSV o .xlsx)").setInputFiles(acta([good, fixed]));
  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "las 2 filas están bien" })).toBeVisible();
  await page.getByRole("button", { name: "Importar 2 compromisos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se importaron 2 compromisos de acta.csv." })).toBeVisible();
  expect(await total()).toBe(before + 2);

  await page.getByRole("link", { name: "Ver la mesa" }).click();
  await page.getByLabel("Buscar texto").fill(code);
  await page.getByRole("button", { name: "Filtrar" }).click();
  const listed = page.getByTestId("commitment-row");
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: "Reunión con la Compañía en Huancané" })).toContainText("Pendiente");
  await expect(listed.filter({ hasText: "Posta médica" })).toContainText("En proceso");
});

test("a monitor cannot open the import page, and the public is sent to sign in", async ({ browser }) => {
  const monitor = await pageAs(browser, "monitorA");
  const response = await monitor.goto("/mesas/las-bambas/import");
  expect(response?.status()).toBe(403);
  await expect(monitor.getByRole("heading", { level: 1 })).toHaveText("No tiene permiso para ver esta página");
  await monitor.goto("/mesas/las-bambas");
  await expect(monitor.getByRole("link", { name: "Importar desde un archivo" })).toHaveCount(0);

  const anonymous = await pageAs(browser, "anonymous");
  await anonymous.goto("/mesas/las-bambas/import");
  await expect(anonymous).toHaveURL(/\/login\?next=%2Fmesas%2Flas-bambas%2Fimport/);
});
