import { expect, test, type Page } from "@playwright/test";
import { newCommitment, signIn } from "./support";

test("pages and the API send security headers", async ({ request }) => {
  const page = await request.get("/");
  const csp = page.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(page.headers()["x-frame-options"]).toBe("DENY");

  const api = await request.get("/api/v1/mesas");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the session cookie is HttpOnly and SameSite, and pages still run their scripts under the CSP", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await signIn(page, "monitorA");
  const session = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(session!.expires).toBeGreaterThan(Date.now() / 1000);
  expect(session!.expires).toBeLessThanOrEqual(Date.now() / 1000 + 8 * 3600 + 60);
  // The language switch is a Server Action: it only works if Next's scripts were allowed.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Español" }).click();
  expect(errors).toEqual([]);
});

test("a cross-site write riding on the session cookie is refused", async ({ page }) => {
  await signIn(page, "commissionerA");
  const forged = await page.request.post("/api/v1/commitments", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: newCommitment(),
  });
  expect(forged.status()).toBe(403);
  const malformed = await page.request.post("/api/v1/commitments", {
    headers: { origin: "not a url" },
    data: newCommitment(),
  });
  expect(malformed.status()).toBe(403);
  const sameSite = await page.request.post("/api/v1/commitments", {
    headers: { origin: new URL(page.url()).origin },
    data: newCommitment(),
  });
  expect(sameSite.status()).toBe(201);
});

test("an oversized JSON body is refused with 413 before it is parsed", async ({ page }) => {
  await signIn(page, "commissionerA");
  const response = await page.request.post("/api/v1/commitments", {
    data: newCommitment({ text: "x".repeat(1_100_000) }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.code).toBe("too_large");
});

test("a bad API token is a 401 on the API, while pages simply read as the public", async ({ request }) => {
  const headers = { authorization: "Bearer mm_not-a-real-token" };
  expect((await request.get("/api/v1/mesas", { headers })).status()).toBe(401);
  const page = await request.get("/", { headers });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("Ingresar");
});

test("sign-in throttling counts the socket's address: a forged X-Forwarded-For escapes nothing and locks nobody else out", async ({
  browser,
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  const email = `xff-${Date.now()}@e2e.test`;
  const tryOnce = async (page: Page, origin: string, forged: string) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": forged });
    await page.goto(`${origin}/login`);
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña").fill("not the password");
    await page.getByRole("button", { name: "Ingresar" }).click();
    // (Next.js keeps an empty route announcer with role=alert on every page.)
    return page.getByRole("alert").filter({ hasText: /\S/ }).textContent();
  };

  // Five failures, each claiming another address: all count for the one socket address.
  const ipv4 = await browser.newPage();
  for (let i = 0; i < 5; i++) {
    expect(await tryOnce(ipv4, `http://127.0.0.1:${port}`, `203.0.113.${i + 1}`)).toContain("incorrectos");
  }
  expect(await tryOnce(ipv4, `http://127.0.0.1:${port}`, "198.51.100.99")).toContain("Demasiados intentos");

  // The account is not locked for everyone: from another address it still answers.
  const ipv6 = await browser.newPage();
  expect(await tryOnce(ipv6, `http://[::1]:${port}`, "203.0.113.1")).toContain("incorrectos");
});
