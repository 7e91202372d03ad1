import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { pageAs } from "./support";

// Personal API tokens (issue 11): they expire, an admin can revoke all of a user's, and a script
// with one downloads what its owner may see, /files included.

async function createToken(page: Page, name: string, expiry: string): Promise<string> {
  await page.goto("/account/tokens");
  await page.getByLabel("Nombre").fill(name);
  await page.getByLabel("Vence").selectOption({ label: expiry });
  await page.getByRole("button", { name: "Crear token" }).click();
  const created = page.locator("#new-token");
  await expect(created).toHaveValue(/^mm_/);
  return created.inputValue();
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test("a token lasts 90 days unless chosen otherwise, and the list shows when it expires", async ({ browser }) => {
  const monitor = await pageAs(browser, "monitorA");
  await monitor.goto("/account/tokens");
  await expect(monitor.getByLabel("Vence")).toHaveValue("90");
  await createToken(monitor, "Sin fecha", "Nunca");
  await expect(monitor.getByRole("status")).toContainText("No vence.");
  await createToken(monitor, "Un mes", "En 30 días");
  await expect(monitor.getByRole("status")).toContainText("Vence el");
  const rows = monitor.getByTestId("token-row");
  await expect(rows.filter({ hasText: "Sin fecha" })).toContainText("No vence");
  await expect(rows.filter({ hasText: "Un mes" })).not.toContainText("No vence");
  await monitor.context().close();
});

test("a script with a token downloads a restricted evidence file its owner may see; the public gets 404", async ({
  browser,
  request,
}) => {
  const monitor = await pageAs(browser, "monitorA");
  const token = await createToken(monitor, "Descargas", "En 30 días");
  const list = (await (await monitor.request.get("/api/v1/commitments?mesa=las-bambas&pageSize=100")).json()).data as {
    id: number;
    visibility: string;
  }[];
  const restrictedId = list.find((c) => c.visibility === "restricted")!.id;
  const buffer = await sharp({
    create: { width: 2, height: 2, channels: 3, background: { r: Date.now() % 256, g: 77, b: 11 } },
  })
    .png()
    .toBuffer();
  const uploaded = await request.post(`/api/v1/commitments/${restrictedId}/evidence`, {
    headers: bearer(token),
    multipart: {
      observedOn: "2026-03-01",
      kind: "photo",
      summary: "Acta reservada",
      files: {
        name: "reservado.png",
        mimeType: "image/png",
        buffer,
      },
    },
  });
  expect(uploaded.status()).toBe(201);
  const sha = (await uploaded.json()).files[0].sha256 as string;

  const download = await request.get(`/files/${sha}`, { headers: bearer(token) });
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("image/png");
  expect((await request.get(`/files/${sha}`)).status()).toBe(404);
  expect((await request.get(`/files/${sha}`, { headers: bearer("mm_not-a-real-token") })).status()).toBe(401);
  await monitor.context().close();
});

test("an admin revokes all of a user's tokens after confirming, and the audit log records it", async ({
  browser,
  request,
}) => {
  const monitor = await pageAs(browser, "monitorB");
  const token = await createToken(monitor, "Celular perdido", "Nunca");
  expect((await request.get("/api/v1/monitor", { headers: bearer(token) })).status()).toBe(200);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-row").filter({ hasText: "monitor.b@e2e.test" });
  const confirm = row.getByRole("button", { name: "Sí, revocar todos sus tokens" });
  await expect(confirm).toBeHidden();
  await row.getByLabel("Revocar todos los tokens de API de monitor.b@e2e.test").click();
  await expect(row).toContainText("Todos los tokens de API de monitor.b@e2e.test dejarán de funcionar");
  await confirm.click();
  await expect(row.getByRole("status")).toHaveText(/Tokens revocados: [1-9]\d*\./);

  expect((await request.get("/api/v1/monitor", { headers: bearer(token) })).status()).toBe(401);
  await monitor.goto("/account/tokens");
  await expect(monitor.getByTestId("token-row").filter({ hasText: "Celular perdido" })).toContainText("Revocado el");
  // The account itself still works.
  await expect(monitor.getByRole("button", { name: "Salir" })).toBeVisible();
  await admin.goto("/admin/audit");
  await expect(admin.getByText("user.tokens_revoke").first()).toBeVisible();
  await Promise.all([monitor.context().close(), admin.context().close()]);
});
