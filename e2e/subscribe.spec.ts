import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { commitmentOnLasBambas, pageAs } from "./support";

// Following a mesa by e-mail as a journalist, and a staff member's digest settings. The e2e
// server has no SMTP_URL, so each e-mail is an .eml file in OUTBOX_DIR (playwright.config.ts).

const OUTBOX = path.resolve(".e2e-data/outbox");

/** The e-mails to an address, newest first, decoded enough to read their links (quoted-printable). */
function mailsTo(address: string): string[] {
  const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).sort().reverse() : [];
  return files
    .map((name) =>
      fs
        .readFileSync(path.join(OUTBOX, name), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=3D/g, "="),
    )
    .filter((text) => text.includes(`To: ${address}`));
}

/** The newest e-mail to an address that contains a text, once it has been written. */
async function mailTo(address: string, containing: string): Promise<string> {
  await expect.poll(() => mailsTo(address).some((text) => text.includes(containing))).toBe(true);
  return mailsTo(address).find((text) => text.includes(containing))!;
}

function notifySend() {
  execFileSync("npm", ["run", "-s", "notify:send"], {
    env: { ...process.env, DATABASE_URL: ".e2e-data/e2e.db", OUTBOX_DIR: OUTBOX },
  });
}

test("a journalist follows a mesa by e-mail: confirms, gets news, leaves with one click", async ({ browser }) => {
  test.setTimeout(120_000); // notify:send starts a TypeScript process
  const { id, code } = await commitmentOnLasBambas(browser, { title: "Pozo de agua para Pumamarca" });
  const address = `periodista.${Date.now()}@example.org`;
  const page = await pageAs(browser, "anonymous");

  await page.goto("/mesas/las-bambas");
  await page.getByRole("link", { name: "Seguir por correo" }).click();
  await expect(page.getByRole("heading", { name: "Seguir por correo" })).toBeVisible();
  await page.getByLabel("Su correo electrónico").fill("no es un correo");
  await page.getByRole("button", { name: "Seguir por correo" }).click();
  await expect(page.getByLabel("Su correo electrónico")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Su correo electrónico").fill(address);
  await page.getByRole("button", { name: "Seguir por correo" }).click();
  await expect(page.getByRole("status")).toContainText("recibirá un correo para confirmar");

  const confirmation = await mailTo(address, "/subscribe/confirm/");
  const confirmPath = /https?:\/\/[^/\s]+(\/subscribe\/confirm\/[\w-]+)/.exec(confirmation)![1];
  await page.goto(confirmPath);
  await page.getByRole("button", { name: "Confirmar" }).click();
  await expect(page.getByRole("status")).toContainText("Suscripción confirmada");

  const admin = await pageAs(browser, "admin");
  const changed = await admin.request.post(`/api/v1/commitments/${id}/status`, {
    data: { status: "in_progress", reason: "Obra iniciada" },
  });
  expect(changed.status()).toBe(200);
  notifySend();
  const news = await mailTo(address, code);
  expect(news).toContain("Pozo de agua para Pumamarca");
  expect(news).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  notifySend(); // a second process, as after a restart: nothing is sent twice
  expect(mailsTo(address).filter((text) => text.includes(code))).toHaveLength(1);

  const oneClick = /List-Unsubscribe:\s*<https?:\/\/[^/\s]+(\/subscribe\/unsubscribe\/[\w-]+\/one-click)>/.exec(
    news,
  )![1];
  const response = await page.request.post(oneClick, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(response.status()).toBe(200);
  await page.goto(oneClick.replace(/\/one-click$/, ""));
  await expect(page.getByRole("status")).toContainText("no recibirá más");
});

test("a commissioner chooses a daily digest in English", async ({ browser }) => {
  const page = await pageAs(browser, "commissionerA");
  await page.getByRole("link", { name: "Correos" }).click();
  await page.getByLabel("Resumen por correo").selectOption("daily");
  await page.getByLabel("Idioma de los correos").selectOption("en");
  await page.getByRole("button", { name: "Guardar" }).click();
  await expect(page.getByRole("status")).toContainText("Preferencias guardadas");
  await page.reload();
  await expect(page.getByLabel("Resumen por correo")).toHaveValue("daily");
  await expect(page.getByLabel("Idioma de los correos")).toHaveValue("en");
});
