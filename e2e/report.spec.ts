import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { pageAs } from "./support";

/** A day `n` days before today, as YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The headline figures and what-changed totals a page shows, as text. */
async function figures(page: Page, root: string) {
  const scope = page.locator(root);
  const text = (selector: string) => scope.locator(selector).first().innerText();
  return {
    fulfilled: await text('[data-status="fulfilled"] strong'),
    broken: await text('[data-status="broken"] strong'),
    overdue: await text('[data-status="overdue"] strong'),
    rate: await text('[data-status="rate"] strong'),
    newlyFulfilled: await text('[data-change="fulfilled"] .badge'),
    newlyBroken: await text('[data-change="broken"] .badge'),
    newlyOverdue: await text('[data-change="overdue"] .badge'),
    withoutDeadline: await text('[data-quality="withoutDeadline"] strong'),
  };
}

test("a commissioner opens a period's report with the dashboard's figures, prints it on A4 and downloads its PDF", async ({
  browser,
}) => {
  const page = await pageAs(browser, "commissionerA");
  const from = daysAgo(400);
  const to = daysAgo(30);

  await page.goto("/reports");
  await page.getByRole("navigation", { name: "Informe de cada mesa" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/reports\/las-bambas/);
  await page.getByLabel("Desde").fill(from);
  await page.getByLabel("Hasta").fill(to);
  await page.getByRole("button", { name: "Ver informe" }).click();
  await expect(page).toHaveURL(`/reports/las-bambas?from=${from}&to=${to}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Informe de seguimiento");
  for (const heading of [
    "Cumplimiento por entidad responsable",
    "Evidencias aceptadas en el periodo",
    "Reuniones realizadas en el periodo",
    "Calidad de los acuerdos",
  ]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("columnheader", { name: "Días de atraso" })).toBeVisible();
  const reported = await figures(page, ".report");

  // The dashboard of the mesa for the same period, as the same commissioner sees it.
  await page.goto(`/mesas/las-bambas?asOf=${to}&since=${from}`);
  expect(await figures(page, ".dashboard")).toEqual(reported);

  await page.goto(`/reports/las-bambas?from=${from}&to=${to}`);
  // The print button opens the browser's dialog.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "Imprimir" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // Printed, the report keeps its content and drops the site's chrome and the controls.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calidad de los acuerdos" })).toBeVisible();
  for (const hidden of [page.locator(".site-header"), page.getByRole("button", { name: "Ver informe" })]) {
    await expect(hidden).toBeHidden();
  }
  const printed = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const printedText = await pdfText(printed);
  expect(printedText).toContain("Informe de seguimiento");
  expect(printedText).not.toContain("Ver informe");
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Descargar PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`informe-las-bambas-${from}-${to}.pdf`);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(pdf);
  expect(text).toContain("Informe de seguimiento");
  expect(text).toContain("Cumplimiento por entidad responsable");
  // Its headline table has the page's figures.
  expect(text).toMatch(new RegExp(`Vencidos? ${reported.overdue}\\b`));
  await page.context().close();
});

test("the report of all a commissioner's mesas sums them up, each with its own report", async ({ browser }) => {
  const page = await pageAs(browser, "commissionerA");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Informe de seguimiento de todas sus mesas");
  const summary = page.getByRole("region", { name: "Resumen por mesa" }).locator("tbody tr");
  await expect(summary.last().locator("td").first()).toHaveText("Total");
  const mesaRows = (await summary.count()) - 1;
  expect(mesaRows).toBeGreaterThan(0);
  await expect(page.locator(".report-mesa")).toHaveCount(mesaRows);
  const download = await page.request.get("/reports/report.pdf");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  await page.context().close();
});

test("a period that cannot be reported is explained next to its field", async ({ browser }) => {
  const page = await pageAs(browser, "commissionerA");
  await page.goto(`/reports/las-bambas?from=${daysAgo(10)}&to=${daysAgo(20)}`);
  await expect(page.getByRole("alert").filter({ hasText: "fecha" })).toHaveText(
    "La fecha inicial debe ser anterior o igual a la final.",
  );
  await expect(page.getByLabel("Desde")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "Descargar PDF" })).toHaveCount(0);
  const pdf = await page.request.get(`/reports/las-bambas/report.pdf?from=${daysAgo(10)}&to=${daysAgo(20)}`);
  expect(pdf.status()).toBe(400);
  await page.context().close();
});

test("a monitor gets 403 from the reports and their PDFs; the public is asked to sign in", async ({ browser }) => {
  const monitor = await pageAs(browser, "monitorA");
  for (const path of ["/reports", "/reports/las-bambas"]) {
    expect((await monitor.goto(path))!.status()).toBe(403);
  }
  for (const path of ["/reports/report.pdf", "/reports/las-bambas/report.pdf"]) {
    expect((await monitor.request.get(path)).status()).toBe(403);
  }
  await monitor.context().close();

  const visitor = await pageAs(browser, "anonymous");
  await visitor.goto("/reports/las-bambas");
  await expect(visitor).toHaveURL(/\/login\?next=%2Freports%2Flas-bambas/);
  expect((await visitor.request.get("/reports/las-bambas/report.pdf")).status()).toBe(401);
  await visitor.context().close();
});

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, " ");
}
