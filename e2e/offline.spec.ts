import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Route } from "@playwright/test";
import sharp from "sharp";
import { commitmentOnLasBambas, pageAs, signIn } from "./support";

// A monitor in the field: a phone-sized screen, a photo, and a connection that comes and goes.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

type Evidence = { summary: string; kind: string; suggestedStatus: string | null; files: { name: string }[] };

/** The evidence with this summary, as staff of the mesa see it (submitted evidence included). */
async function evidenceWithSummary(page: Page, id: number, summary: string): Promise<Evidence[]> {
  const response = await page.request.get(`/api/v1/commitments/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()).evidence as Evidence[]).filter((e) => e.summary === summary);
}

test("a monitor on a phone logs evidence with a photo and sees it sent", async ({ page, browser }) => {
  const title = `Vivero forestal e2e ${Date.now()}`;
  const { id, code } = await commitmentOnLasBambas(browser, { title, madeOn: "2024-01-15", dueOn: "2024-06-30" });
  const summary = `Fotografía del vivero instalado ${Date.now()}`;

  await signIn(page, "monitorA");
  await page.getByRole("link", { name: "Mis compromisos" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis compromisos");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByText("Vencido")).toBeVisible();
  await card.getByRole("link", { name: "Registrar evidencia" }).click();
  await expect(page.getByRole("heading", { name: `Registrar evidencia de ${code}` })).toBeVisible();

  await page.getByLabel("Tipo de evidencia").selectOption("photo");
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByLabel("Estado que sugiere (opcional)").selectOption("in_progress");
  await page.getByLabel("Tomar foto").setInputFiles({ name: "vivero.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("button", { name: "Quitar vivero.png" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.getByRole("button", { name: "Enviar evidencia" }).click();

  await expect(page.getByText("Evidencia enviada. La comisión la revisará.")).toBeVisible();
  // A clean form for the next one.
  await expect(page.getByLabel("Qué se observó")).toHaveValue("");
  await page.getByRole("link", { name: "Ver el compromiso" }).click();
  await expect(page.getByTestId("evidence-timeline")).toContainText(summary);

  const stored = await evidenceWithSummary(page, id, summary);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ kind: "photo", suggestedStatus: "in_progress" });
  expect(stored[0].files.map((f) => f.name)).toEqual(["vivero.png"]);
});

test("the form shows its own message next to a field and keeps what was typed", async ({ page, browser }) => {
  const { id } = await commitmentOnLasBambas(browser);
  const anonymous = await pageAs(browser, "anonymous");
  await anonymous.goto(`/monitor?commitment=${id}`);
  await expect(anonymous).toHaveURL(/\/login\?next=/);

  await signIn(page, "monitorA");
  await page.goto(`/monitor?commitment=${id}`);
  const summary = `Acta de la visita ${Date.now()}`;
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByLabel("Enlace a la fuente (opcional)").fill("ftp://example.org/acta.pdf");
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Escriba una dirección web completa (https://…).")).toBeVisible();
  await expect(page.getByLabel("Enlace a la fuente (opcional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Qué se observó")).toHaveValue(summary);

  // The server decides file types from the content: its 415 shows next to that file, in Spanish.
  await page.getByLabel("Enlace a la fuente (opcional)").fill("");
  await page
    .getByLabel("Elegir archivos")
    .setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.from("MZ… not a picture") });
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Solo se aceptan fotos (JPEG, PNG, WebP), PDF o audio (MP3, M4A, OGG).")).toBeVisible();
  await expect(page.getByText("Revise los campos marcados: no se guardó nada.")).toBeVisible();
  await expect(page.getByLabel("Qué se observó")).toHaveValue(summary);
  // Refused for good: not queued for retries, and nothing stored.
  await expect(page.getByText(/Evidencias en cola: \d/)).toHaveCount(0);
  expect(await evidenceWithSummary(page, id, summary)).toHaveLength(0);
});

test("a photo too big to decode is refused for good, and the monitor is told why next to it", async ({
  page,
  browser,
}) => {
  const { id } = await commitmentOnLasBambas(browser);
  // A few kilobytes declaring 49 megapixels: over the server's 40.
  const huge = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  await signIn(page, "monitorA");
  await page.goto(`/monitor?commitment=${id}`);
  const summary = `Plano escaneado ${Date.now()}`;
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByLabel("Elegir archivos").setInputFiles({ name: "plano.png", mimeType: "image/png", buffer: huge });
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("La imagen tiene más de 40 megapíxeles: redúzcala antes de enviarla.")).toBeVisible();
  await expect(page.getByText("Revise los campos marcados: no se guardó nada.")).toBeVisible();
  await expect(page.getByText(/Evidencias en cola: \d/)).toHaveCount(0);
  expect(await evidenceWithSummary(page, id, summary)).toHaveLength(0);
});

/** Whether the service worker keeps /monitor and every build file the page loaded. */
async function keptForOffline(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!navigator.serviceWorker.controller || !(await caches.match("/monitor", { ignoreVary: true }))) return false;
    const files = [...document.querySelectorAll<HTMLScriptElement>("script[src]")].map((s) => s.src);
    files.push(...[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href));
    const kept = await Promise.all(files.map((url) => caches.match(url, { ignoreVary: true })));
    return kept.every(Boolean);
  });
}

test("evidence submitted offline survives a reload while offline and arrives exactly once", async ({
  page,
  context,
  browser,
}) => {
  const { id, code } = await commitmentOnLasBambas(browser);
  const summary = `Registro sin conexión ${Date.now()}`;
  const commissioner = await pageAs(browser, "commissionerA");
  const policyViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
  });

  // Online once: the service worker installs and keeps /monitor and its scripts and styles.
  await signIn(page, "monitorA");
  await page.goto("/monitor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis compromisos");
  await expect.poll(() => keptForOffline(page), { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  // Choosing a commitment needs no server: the list is on the page.
  await page.getByRole("link", { name: `Registrar evidencia de ${code}` }).click();
  await expect(page.getByRole("heading", { name: `Registrar evidencia de ${code}` })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/monitor\\?commitment=${id}`));
  await page.getByLabel("Tipo de evidencia").selectOption("site_visit");
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByLabel("Elegir archivos").setInputFiles({ name: "visita.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("la evidencia quedó guardada en este dispositivo")).toBeVisible();
  await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();

  // Reload while offline: the page comes from the service worker's copy (of /monitor: the form is
  // chosen from the address in the browser), the queue from IndexedDB, and the scripts run.
  expect((await page.reload())?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { name: `Registrar evidencia de ${code}` })).toBeVisible();
  await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: summary })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviar evidencia" })).toBeEnabled(); // hydrated
  // The list as it was rendered: a refetch waits for the connection, no error replaces it.
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: `Registrar evidencia de ${code}` }) });
  await expect(card).toContainText("Aún sin evidencia registrada");
  expect(await evidenceWithSummary(commissioner, id, summary)).toHaveLength(0);

  // Back online: the `online` event sends the queue.
  await context.setOffline(false);
  await expect(page.getByText("Evidencias en cola enviadas: 1.")).toBeVisible();
  await expect(page.getByText(/Evidencias en cola: \d/)).toHaveCount(0);
  // Delivered: the list is fetched again and shows it.
  await expect(card).toContainText("Última evidencia: Por revisar");
  const stored = await evidenceWithSummary(commissioner, id, summary);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ kind: "site_visit" });
  expect(stored[0].files.map((f) => f.name)).toEqual(["visita.png"]);

  // The queue is empty for good: a reload (online) sends nothing more.
  await page.reload();
  await expect(page.getByRole("heading", { name: `Registrar evidencia de ${code}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviar evidencia" })).toBeEnabled();
  await expect(page.getByRole("listitem").filter({ hasText: summary })).toHaveCount(0);
  expect(await evidenceWithSummary(commissioner, id, summary)).toHaveLength(1);
  expect(policyViolations).toEqual([]);
});

test("refused evidence keeps its files until the monitor corrects and resends it", async ({
  page,
  context,
  browser,
}) => {
  const { id, code } = await commitmentOnLasBambas(browser);
  const summary = `Evidencia rechazada ${Date.now()}`;
  const commissioner = await pageAs(browser, "commissionerA");
  await signIn(page, "monitorA");
  await page.goto(`/monitor?commitment=${id}`);
  await expect(page.getByRole("button", { name: "Enviar evidencia" })).toBeEnabled(); // hydrated

  // Queued offline with a file the server will refuse (not a picture, whatever its name says)…
  await context.setOffline(true);
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByLabel("Elegir archivos").setInputFiles([
    { name: "falsa.png", mimeType: "image/png", buffer: Buffer.from("MZ… not a picture") },
    { name: "buena.png", mimeType: "image/png", buffer: PNG },
  ]);
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();
  // …and its form closed before the answer: the refusal is kept all the same, files included.
  await page.getByRole("link", { name: "Cerrar el formulario" }).click();
  const heading = page.getByRole("heading", { name: `Registrar evidencia de ${code}` });
  await expect(heading).toHaveCount(0);
  // The browser's back and forward buttons follow the form, offline too.
  await page.goBack();
  await expect(heading).toBeVisible();
  await page.goForward();
  await expect(heading).toHaveCount(0);
  await context.setOffline(false);
  const refusal = page.getByRole("alert").filter({ hasText: `No se registró la evidencia de ${code}` });
  await expect(refusal).toContainText("Archivo falsa.png: Solo se aceptan fotos");
  await expect(page.getByText(/Evidencias en cola: \d/)).toHaveCount(0);
  await page.reload();
  await expect(refusal).toBeVisible();

  await refusal.getByRole("button", { name: "Corregir y reenviar" }).click();
  await expect(heading).toBeVisible();
  await expect(page.getByLabel("Qué se observó")).toHaveValue(summary);
  // The refused file's button has the focus and its error as description.
  const remove = page.getByRole("button", { name: "Quitar falsa.png" });
  await expect(remove).toBeFocused();
  await expect(remove).toHaveAccessibleDescription(/Solo se aceptan fotos/);
  await expect(page.getByRole("button", { name: "Quitar buena.png" })).toBeVisible();
  await expect(refusal).toHaveCount(0); // The form shows it now.

  await remove.click();
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Evidencia enviada. La comisión la revisará.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: summary })).toHaveCount(0);
  const stored = await evidenceWithSummary(commissioner, id, summary);
  expect(stored).toHaveLength(1);
  expect(stored[0].files.map((f) => f.name)).toEqual(["buena.png"]);
});

test("signing out drops the pages kept for offline use", async ({ page, context }) => {
  await signIn(page, "monitorA");
  await page.goto("/monitor");
  await expect.poll(() => keptForOffline(page), { timeout: 15_000 }).toBe(true);
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("link", { name: "Ingresar" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(async () => (await caches.match("/monitor", { ignoreVary: true })) === undefined))
    .toBe(true);
  // Whoever has the browser next cannot open the previous monitor's page offline.
  await context.setOffline(true);
  await expect(page.goto("/monitor")).rejects.toThrow();
});

test.describe("without a service worker", () => {
  // page.route does not see requests a service worker handles: this test routes the API itself.
  test.use({ serviceWorkers: "block" });

  test("an answer lost after the server stored the evidence does not store it twice", async ({
    page,
    context,
    browser,
  }) => {
    const { id, code } = await commitmentOnLasBambas(browser);
    const summary = `Respuesta perdida ${Date.now()}`;
    const commissioner = await pageAs(browser, "commissionerA");
    await signIn(page, "monitorA");
    await page.goto(`/monitor?commitment=${id}`);
    await expect(page.getByRole("heading", { name: `Registrar evidencia de ${code}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Enviar evidencia" })).toBeEnabled(); // hydrated

    // The evidence API is unreachable ("down"), then its answer is lost after the server stored
    // the evidence ("lose"), then it works ("up").
    let mode: "down" | "lose" | "up" = "down";
    let answerLost!: () => void;
    const lost = new Promise<void>((resolve) => (answerLost = resolve));
    await page.route("**/api/v1/commitments/*/evidence", async (route: Route) => {
      if (mode === "down") return route.abort("internetdisconnected");
      if (mode === "up") return route.continue();
      await route.fetch(); // The server receives and stores it…
      await route.abort("connectionreset"); // …and the phone never hears back.
      answerLost();
    });

    await page.getByLabel("Qué se observó").fill(summary);
    await page.getByLabel("Elegir archivos").setInputFiles({ name: "acta.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Enviar evidencia" }).click();
    await expect(page.getByText("la evidencia quedó guardada en este dispositivo")).toBeVisible();
    await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();

    mode = "lose";
    await page.getByRole("button", { name: "Reintentar ahora" }).click();
    await lost;
    // Stored on the server, but still queued on the phone, which must send it again.
    expect(await evidenceWithSummary(commissioner, id, summary)).toHaveLength(1);
    await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();

    mode = "up";
    // The connection "returns": the `online` event flushes; the server answers the first result.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.getByText("Evidencias en cola enviadas: 1.")).toBeVisible();
    await expect(page.getByText(/Evidencias en cola: \d/)).toHaveCount(0);
    const stored = await evidenceWithSummary(commissioner, id, summary);
    expect(stored).toHaveLength(1);
    expect(stored[0].files.map((f) => f.name)).toEqual(["acta.png"]);
  });
});

test("offline, a monitor reports on the current period of a recurring commitment; it arrives once, for that period", async ({
  page,
  context,
  browser,
}) => {
  const madeOn = new Date(Date.now() - 95 * 86_400_000).toISOString().slice(0, 10);
  const { id, code } = await commitmentOnLasBambas(browser, { madeOn, recurrence: { every: "monthly" } });
  const commissioner = await pageAs(browser, "commissionerA");
  const periods = (await (await commissioner.request.get(`/api/v1/commitments/${id}`)).json()).periods as {
    n: number;
  }[];
  const current = periods.at(-1)!.n;
  expect(current).toBeGreaterThanOrEqual(4);
  const summary = `Reparto de agua del mes ${Date.now()}`;

  await signIn(page, "monitorA");
  await page.goto("/monitor");
  await expect.poll(() => keptForOffline(page), { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  await page.getByRole("link", { name: `Registrar evidencia de ${code}` }).click();
  const period = page.getByLabel("Periodo", { exact: true });
  // The current period comes first and is chosen; earlier ones can be picked.
  await expect(period).toHaveValue(String(current));
  await expect(period.locator("option").first()).toHaveText(new RegExp(`^Periodo ${current}:`));
  await page.getByLabel("Tipo de evidencia").selectOption("site_visit");
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Evidencias en cola: 1")).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText("Evidencias en cola enviadas: 1.")).toBeVisible();
  const stored = (await (await commissioner.request.get(`/api/v1/commitments/${id}`)).json()).evidence.filter(
    (e: { summary: string }) => e.summary === summary,
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ period: current, kind: "site_visit" });
});
