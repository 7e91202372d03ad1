import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a commissioner records a commitment with two parties and changes its status; the public sees it", async ({
  page,
}) => {
  const title = `Instalar la posta médica ${Date.now()}`;
  await signIn(page, "commissionerA");
  await page.goto("/mesas/las-bambas");
  await page.getByRole("link", { name: "Registrar compromiso" }).click();

  await page.getByLabel("Código").fill(`E2E-${Date.now().toString(36)}`);
  await page.getByLabel("Título").fill(title);
  await page.getByLabel("Texto completo, como figura en el acta").fill("El MINSA y el Gobierno Regional instalarán…");
  await page.getByLabel("Tema").selectOption("health");
  await page.getByRole("checkbox", { name: "Ministerio de Salud (MINSA)" }).check();
  await page.getByRole("checkbox", { name: "Gobierno Regional de Apurímac" }).check();
  await page.getByRole("radio", { name: "Principal: Ministerio de Salud (MINSA)" }).check();
  await page.getByLabel("Fecha del acuerdo").fill("2026-02-01");

  // First a mistake: a deadline before the agreement. The error shows next to the field and
  // what was typed is kept.
  await page.getByLabel("Plazo").fill("2026-01-01");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByText("El plazo no puede ser anterior a la fecha del acuerdo.")).toBeVisible();
  await expect(page.getByLabel("Título")).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "Gobierno Regional de Apurímac" })).toBeChecked();

  await page.getByLabel("Plazo").fill("2027-03-31");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const url = page.url();

  await page.getByLabel("Nuevo estado").selectOption("in_progress");
  await page
    .getByLabel("Motivo (queda en el historial)")
    .fill("La DIRESA inició la obra; acta de visita del 3 de marzo.");
  await page.getByRole("button", { name: "Cambiar el estado oficial" }).click();
  await expect(page.getByRole("status")).toHaveText("Estado actualizado.");

  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("link", { name: "Ingresar" })).toBeVisible();

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByText("Estado oficial").locator("xpath=following-sibling::dd[1]")).toHaveText("En proceso");
  const history = page.getByTestId("status-history");
  await expect(history).toContainText("La DIRESA inició la obra");
  await expect(history.getByRole("row").last()).toContainText("En proceso");
  await expect(page.getByRole("link", { name: "Ministerio de Salud (MINSA)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Gobierno Regional de Apurímac" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cambiar el estado oficial" })).toHaveCount(0);
});

test("the API refuses bad input with 4xx and field paths, and writes nothing", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "commissionerA");
  const count = async () =>
    (await (await page.request.get("/api/v1/commitments?mesa=las-bambas&pageSize=1")).json()).total as number;
  const before = await count();

  const bad = await page.request.post("/api/v1/commitments", {
    data: {
      mesa: "las-bambas",
      title: 7,
      theme: "weather",
      responsibleParties: [{ slug: "nadie", lead: true }],
      madeOn: "ayer",
    },
  });
  expect(bad.status()).toBe(422);
  const paths = (await bad.json()).error.issues.map((i: { path: string }) => i.path);
  expect(paths).toEqual(expect.arrayContaining(["code", "title", "text", "theme", "madeOn"]));

  const notJson = await page.request.post("/api/v1/commitments", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(notJson.status()).toBe(400);
  expect(await count()).toBe(before);
  await context.close();
});

test("sign-in failures say nothing about which accounts exist, and repeated ones are throttled", async ({ page }) => {
  const tryOnce = async (email: string) => {
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("not the password");
    await page.getByRole("button", { name: "Ingresar" }).click();
    // (Next.js keeps an empty route announcer with role=alert on every page.)
    return page.getByRole("alert").filter({ hasText: /\S/ }).textContent();
  };
  expect(await tryOnce("monitor.b@e2e.test")).toBe(await tryOnce("nobody@e2e.test"));
  for (let i = 0; i < 4; i++) await tryOnce("nobody@e2e.test");
  expect(await tryOnce("nobody@e2e.test")).toContain("Demasiados intentos");
});
