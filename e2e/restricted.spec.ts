import { expect, test } from "@playwright/test";
import { newCommitment, pageAs } from "./support";

const total = (counts: Record<string, number>) =>
  ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"].reduce((n, s) => n + counts[s], 0);

test("a restricted commitment appears in no public page, list, search or count", async ({ browser, request }) => {
  const marker = `Reservado${Date.now()}`;
  const before = await (await request.get("/api/v1/stats")).json();
  const mesasBefore = await (await request.get("/api/v1/mesas")).json();
  const pnpBefore = await (await request.get("/api/v1/parties/pnp")).json();

  const admin = await pageAs(browser, "admin");
  const adminBefore = await (await admin.request.get("/api/v1/stats")).json();
  const created = await admin.request.post("/api/v1/commitments", {
    data: newCommitment({
      title: `Convenio ${marker}`,
      visibility: "restricted",
      dueOn: "2026-01-31",
      responsibleParties: [{ slug: "pnp", lead: true }],
    }),
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  // Staff see it counted (so the public numbers below could have changed).
  const adminAfter = await (await admin.request.get("/api/v1/stats")).json();
  expect(total(adminAfter.counts)).toBe(total(adminBefore.counts) + 1);

  // API: detail, list, search, stats, mesas, party.
  expect((await request.get(`/api/v1/commitments/${id}`)).status()).toBe(404);
  // The search does find it for staff, so the public's empty answer is the visibility rule at work.
  expect((await (await admin.request.get(`/api/v1/commitments?q=${marker}`)).json()).total).toBe(1);
  expect((await (await request.get(`/api/v1/commitments?q=${marker}`)).json()).total).toBe(0);
  const listed = await (await request.get("/api/v1/commitments?mesa=las-bambas&pageSize=100")).json();
  expect(listed.data.map((c: { id: number }) => c.id)).not.toContain(id);
  const after = await (await request.get("/api/v1/stats")).json();
  expect(after.counts).toEqual(before.counts);
  expect(after.overdue).toBe(before.overdue);
  expect(after.byParty).toEqual(before.byParty);
  expect(await (await request.get("/api/v1/mesas")).json()).toEqual(mesasBefore);
  expect(await (await request.get("/api/v1/parties/pnp")).json()).toEqual(pnpBefore);

  // Pages: the commitment, the mesa table with a search, the overview totals.
  const page = await pageAs(browser, "anonymous");
  expect((await page.goto(`/commitments/${id}`))?.status()).toBe(404);
  await page.goto(`/mesas/las-bambas?q=${marker}`);
  await expect(page.getByText("Ningún compromiso coincide con los filtros.")).toBeVisible();
  await page.goto("/");
  await expect(page.locator('[data-status="pending"] strong').first()).toHaveText(String(before.counts.pending));
  await expect(page.getByText(marker)).toHaveCount(0);
  await page.goto("/parties/pnp");
  await expect(page.locator('[data-status="pending"] strong')).toHaveText(String(pnpBefore.counts.pending));
});
