import { createHash } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { newCommitment, pageAs, signIn } from "./support";

// A photo that is a real image (PNG, 1×1).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==",
  "base64",
);

async function freshCommitment(browser: Browser, title: string) {
  const admin = await pageAs(browser, "admin");
  const created = await admin.request.post("/api/v1/commitments", { data: newCommitment({ title }) });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  await admin.context().close();
  return id;
}

test("a monitor logs a photo on a phone, a commissioner accepts it and sets the status, the public sees both", async ({
  browser,
}) => {
  const title = `Posta de salud e2e ${Date.now()}`;
  const summary = `La posta ya atiende ${Date.now()}`;
  const id = await freshCommitment(browser, title);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const monitor = await phone.newPage();
  await signIn(monitor, "monitorA");
  await monitor.goto(`/monitor?commitment=${id}`);
  await monitor.getByLabel("Qué se observó").fill(summary);
  await monitor.getByLabel("Tomar foto").setInputFiles({ name: "posta.png", mimeType: "image/png", buffer: PNG });
  await monitor.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(monitor.getByText("Evidencia enviada. La comisión la revisará.")).toBeVisible();
  await phone.close();

  const commissioner = await pageAs(browser, "commissionerA");
  await commissioner.goto("/review");
  const item = commissioner.getByRole("article").filter({ hasText: summary });
  await item.getByRole("radio", { name: "Aceptar" }).check();
  await item.getByLabel("Nota de revisión").fill("Verificado en visita de campo.");
  await item.getByLabel("Fijar también el estado oficial").selectOption("fulfilled");
  await item.getByRole("button", { name: "Guardar revisión" }).click();
  await expect(commissioner.getByText("Evidencia aceptada.")).toBeVisible();
  await expect(commissioner.getByRole("article").filter({ hasText: summary })).toHaveCount(0);

  const visitor = await pageAs(browser, "anonymous");
  await visitor.goto(`/commitments/${id}`);
  await expect(visitor.getByText("Estado oficial").locator("xpath=following-sibling::dd[1]")).toHaveText("Cumplido");
  const timeline = visitor.getByTestId("evidence-timeline");
  await expect(timeline).toContainText(summary);
  await expect(timeline).toContainText("Aceptada");
  const hash = (await timeline.locator("code.hash").first().textContent())!.replace("SHA-256 ", "");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const file = await visitor.request.get(`/files/${hash}`);
  expect(file.status()).toBe(200);
  expect(
    createHash("sha256")
      .update(await file.body())
      .digest("hex"),
  ).toBe(hash);
  await expect(visitor.getByTestId("status-history")).toContainText("Verificado en visita de campo.");
});

test("the monitor page loads and sends evidence on a slow 3G connection", async ({ browser }) => {
  test.setTimeout(120_000);
  const id = await freshCommitment(browser, `Canal de riego lento ${Date.now()}`);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await signIn(page, "monitorA");
  // Chrome DevTools' "Slow 3G": 400 kbit/s each way, 2 s round trips.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 2000,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  const started = Date.now();
  await page.goto(`/monitor?commitment=${id}`, { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Enviar evidencia" })).toBeEnabled({ timeout: 60_000 });
  const summary = `Enviado con 3G lento ${Date.now()}`;
  await page.getByLabel("Qué se observó").fill(summary);
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Evidencia enviada. La comisión la revisará.")).toBeVisible({ timeout: 60_000 });
  console.log(`slow 3G: page usable and evidence sent in ${Math.round((Date.now() - started) / 1000)} s`);
  await context.close();
});
