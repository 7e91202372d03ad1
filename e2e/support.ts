import { expect, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, type AccountName } from "./accounts";

export type { AccountName };

export async function signIn(page: Page, account: AccountName) {
  const { email, password } = ACCOUNTS[account];
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("button", { name: "Salir" })).toBeVisible();
}

/** A page in a fresh browser context, signed in as the account (or anonymous). */
export async function pageAs(browser: Browser, account: AccountName | "anonymous") {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (account !== "anonymous") await signIn(page, account);
  return page;
}

export const newCommitment = (overrides: Record<string, unknown> = {}) => ({
  mesa: "las-bambas",
  code: `E2E-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`,
  title: "Compromiso de prueba e2e",
  text: "La entidad se compromete a una acción de prueba.",
  theme: "water",
  responsibleParties: [{ slug: "mmg-las-bambas", lead: true }],
  madeOn: "2026-01-15",
  dueOn: null,
  ...overrides,
});

/** A fresh commitment on las-bambas (monitor A's and commissioner A's mesa), made by the admin. */
export async function commitmentOnLasBambas(browser: Browser, overrides: Record<string, unknown> = {}) {
  const admin = await pageAs(browser, "admin");
  const created = await admin.request.post("/api/v1/commitments", { data: newCommitment(overrides) });
  expect(created.status()).toBe(201);
  const { id, code } = (await created.json()) as { id: number; code: string };
  await admin.context().close();
  return { id, code };
}
