import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pageAs } from "./support";

// Issue 10: a recurring commitment, from the commissioner's form to the public page. It makes its
// own commitment (the demo set may have none), so the accessibility and 360-px checks of its page
// are here rather than in the specs that walk e2e/pages.ts.

const periodsOf = (page: Page) => page.getByRole("region", { name: "Periodos", exact: true });
const strip = (page: Page) => page.getByTestId("period-strip");
/** The strip's status cell of period n (its columns: the row header, then one per period). */
const statusCell = (page: Page, n: number) =>
  strip(page)
    .locator("tbody tr")
    .nth(2)
    .locator("td")
    .nth(n - 1);

async function expectAccessibleAndNarrow(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  const widths = await page.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth]);
  expect(widths[1], "the page is wider than a 360 px screen").toBeLessThanOrEqual(widths[0]);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function setPeriod(page: Page, label: string, status: string, reason: string) {
  const form = periodsOf(page);
  await form.getByRole("combobox", { name: "Periodo", exact: true }).selectOption({ label });
  await form.getByLabel("Nuevo estado del periodo").selectOption(status);
  await form.getByLabel("Motivo (queda en el historial)").fill(reason);
  await form.getByRole("button", { name: "Cambiar el estado del periodo" }).click();
}

test("a commissioner records a yearly commitment and sets its periods; the public reads them, a monitor cannot set them", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const title = `Aporte anual al fondo de desarrollo comunal ${Date.now()}`;
  const page = await pageAs(browser, "commissionerA");
  await page.goto("/mesas/las-bambas");
  await page.getByRole("link", { name: "Registrar compromiso" }).click();

  await page.getByLabel("Código").fill(`REC-${Date.now().toString(36)}`);
  await page.getByLabel("Título").fill(title);
  await page
    .getByLabel("Texto completo, como figura en el acta")
    .fill("La empresa aportará cada año al fondo comunal.");
  await page.getByLabel("Tema").selectOption("economic_compensation");
  await page.getByRole("checkbox", { name: "MMG Las Bambas" }).check();
  await page.getByRole("radio", { name: "Principal: MMG Las Bambas" }).check();
  await page.getByLabel("Fecha del acuerdo").fill("2022-12-15");
  await page.getByLabel("Se repite").selectOption("yearly");
  await page.getByLabel("Primer periodo desde").fill("2023-01-01");

  // A mistake first: the recurrence ends before it starts. The message is next to that field.
  await page.getByLabel("Último día").fill("2022-06-30");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByLabel("Último día")).toHaveAccessibleDescription(
    "El fin de la recurrencia no puede ser anterior a su inicio.",
  );
  await expect(page.getByLabel("Se repite")).toHaveValue("yearly");
  await page.getByLabel("Último día").fill("");
  await page.getByRole("button", { name: "Guardar" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const url = page.url();
  await expect(page.getByText("Se repite").locator("xpath=following-sibling::dd[1]")).toHaveText(
    "Anual desde el 1 ene. 2023, sin fecha de fin",
  );
  await expect(strip(page).getByRole("columnheader", { name: "Periodo 3" })).toBeVisible();

  // A reason is required: nothing is saved without one.
  const form = periodsOf(page);
  await form.getByLabel("Nuevo estado del periodo").selectOption("broken");
  await form.getByRole("button", { name: "Cambiar el estado del periodo" }).click();
  await expect(form.getByLabel("Motivo (queda en el historial)")).toHaveAccessibleDescription(
    "Este campo es obligatorio.",
  );
  await expect(page.getByTestId("period-history")).toHaveCount(0);

  await setPeriod(
    page,
    "Periodo 2: desde el 1 ene. 2024, vence el 31 dic. 2024",
    "broken",
    "El aporte de 2024 no se depositó (acta de la sesión de marzo).",
  );
  await expect(form.getByRole("status")).toHaveText("Estado del periodo actualizado.");
  await expect(statusCell(page, 2)).toHaveText("Incumplido");
  await setPeriod(
    page,
    "Periodo 3: desde el 1 ene. 2025, vence el 31 dic. 2025",
    "fulfilled",
    "Constancia de depósito del aporte de 2025.",
  );
  await expect(statusCell(page, 3)).toHaveText("Cumplido");
  await expectAccessibleAndNarrow(page);

  // The edit form comes back with the recurrence.
  await page.goto(`${url}/edit`);
  await expect(page.getByLabel("Se repite")).toHaveValue("yearly");
  await expect(page.getByLabel("Primer periodo desde")).toHaveValue("2023-01-01");
  await expect(page.getByLabel("Último día")).toHaveValue("");
  await page.context().close();

  const reader = await pageAs(browser, "anonymous");
  await reader.goto(url);
  await expect(statusCell(reader, 1)).toHaveText(/^Pendiente\s*Vencido$/);
  await expect(statusCell(reader, 2)).toHaveText("Incumplido");
  await expect(statusCell(reader, 3)).toHaveText("Cumplido");
  const history = reader.getByTestId("period-history");
  await expect(history.getByRole("row", { name: /Periodo 2/ })).toContainText("El aporte de 2024 no se depositó");
  await expect(history.getByRole("row", { name: /Periodo 3/ })).toContainText("Constancia de depósito");
  await expect(reader.getByRole("button", { name: "Cambiar el estado del periodo" })).toHaveCount(0);
  await expectAccessibleAndNarrow(reader);

  // The mesa's dashboard counts the periods, and its party table each party's missed ones.
  type Stats = {
    periods: { broken: number; overdue: number };
    byParty: { slug: string; periods: { broken: number; overdue: number } }[];
  };
  const stats = (await (await reader.request.get("/api/v1/stats?mesa=las-bambas")).json()) as Stats;
  expect(stats.periods.broken).toBeGreaterThanOrEqual(1);
  await reader.goto("/mesas/las-bambas");
  const figures = reader.getByRole("region", { name: "Compromisos periódicos" });
  await expect(figures.locator('[data-periods="broken"] strong')).toHaveText(String(stats.periods.broken));
  await expect(figures.locator('[data-periods="overdue"] strong')).toHaveText(String(stats.periods.overdue));
  const mmg = stats.byParty.find((p) => p.slug === "mmg-las-bambas")!;
  const parties = reader.locator('figure[data-chart="parties"]');
  await expect(parties.getByRole("columnheader", { name: /Periodos incumplidos o vencidos/ })).toBeVisible();
  await expect(parties.locator("tbody tr", { hasText: "MMG Las Bambas" }).locator("td").last()).toHaveText(
    String(mmg.periods.broken + mmg.periods.overdue),
  );
  await reader.context().close();

  const monitor = await pageAs(browser, "monitorA");
  await monitor.goto(url);
  await expect(statusCell(monitor, 2)).toHaveText("Incumplido");
  await expect(monitor.getByRole("button", { name: "Cambiar el estado del periodo" })).toHaveCount(0);
  await monitor.context().close();
});
