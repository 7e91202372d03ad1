import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pageAs } from "./support";

// Public figures are cached (db/cache); a write must expire them so the next read shows it,
// through the API (a route handler) and through the page's form (a Server Action).

const MESA = "las-bambas";
const PARTY = "mmg-las-bambas";

async function fulfilledIn(request: APIRequestContext) {
  const get = async (path: string) => (await (await request.get(path)).json()) as { counts: Record<string, number> };
  return {
    stats: (await get("/api/v1/stats")).counts.fulfilled,
    mesaStats: (await get(`/api/v1/stats?mesa=${MESA}`)).counts.fulfilled,
    mesa: (await get(`/api/v1/mesas/${MESA}`)).counts.fulfilled,
    party: (await get(`/api/v1/parties/${PARTY}`)).counts.fulfilled,
  };
}

async function fulfilledOnPages(page: Page) {
  const shown = async (path: string) => {
    await page.goto(path);
    return Number(await page.locator('[data-status="fulfilled"] strong').first().textContent());
  };
  return { overview: await shown("/"), mesa: await shown(`/mesas/${MESA}`), party: await shown(`/parties/${PARTY}`) };
}

const plusOne = <T extends Record<string, number>>(before: T) =>
  Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v + 1]));

/** A public, still open commitment of the party in the mesa (other specs may have closed some). */
async function openCommitmentId(request: APIRequestContext) {
  const list = await (await request.get(`/api/v1/commitments?mesa=${MESA}&party=${PARTY}&pageSize=100`)).json();
  const open = list.data.find((c: { status: string }) => ["pending", "in_progress", "partial"].includes(c.status));
  return open.id as number;
}

test("a status change shows on the next read of the overview, the mesa, the party and the stats", async ({
  browser,
  request,
}) => {
  const reader = await pageAs(browser, "anonymous");
  // Read everything once, so the figures are in the cache before the write.
  const apiBefore = await fulfilledIn(request);
  const pagesBefore = await fulfilledOnPages(reader);
  expect(await fulfilledIn(request)).toEqual(apiBefore);

  const commissioner = await pageAs(browser, "commissionerA");
  const id = await openCommitmentId(request);
  const response = await commissioner.request.post(`/api/v1/commitments/${id}/status`, {
    data: { status: "fulfilled", reason: "Verificado en la visita de campo (e2e)." },
  });
  expect(response.status()).toBe(200);

  expect(await fulfilledIn(request)).toEqual(plusOne(apiBefore));
  expect(await fulfilledOnPages(reader)).toEqual(plusOne(pagesBefore));

  // The same through the commitment page's form.
  const second = await openCommitmentId(request);
  await commissioner.goto(`/commitments/${second}`);
  await commissioner.getByLabel("Nuevo estado").selectOption("fulfilled");
  await commissioner.getByLabel("Motivo (queda en el historial)").fill("Entregado y verificado (e2e).");
  await commissioner.getByRole("button", { name: "Cambiar el estado oficial" }).click();
  await expect(commissioner.getByRole("status")).toHaveText("Estado actualizado.");

  expect(await fulfilledIn(request)).toEqual(plusOne(plusOne(apiBefore)));
  expect(await fulfilledOnPages(reader)).toEqual(plusOne(plusOne(pagesBefore)));
});

test("accepting evidence without a status change shows in the agreement-quality figures at once", async ({
  browser,
  request,
}) => {
  // A public commitment of the mesa with no accepted evidence yet.
  const list = await (await request.get(`/api/v1/commitments?mesa=${MESA}&pageSize=100`)).json();
  let id = 0;
  for (const c of list.data as { id: number }[]) {
    const detail = await (await request.get(`/api/v1/commitments/${c.id}`)).json();
    if (detail.evidence.length === 0) {
      id = c.id;
      break;
    }
  }
  expect(id).toBeGreaterThan(0);
  const withoutEvidence = async () =>
    (await (await request.get(`/api/v1/stats?mesa=${MESA}`)).json()).quality.withoutAcceptedEvidence as number;
  const before = await withoutEvidence();

  const monitor = await pageAs(browser, "monitorA");
  const sent = await monitor.request.post(`/api/v1/commitments/${id}/evidence`, {
    multipart: { observedOn: "2026-03-01", kind: "document", summary: "Acta firmada de entrega (e2e)" },
  });
  expect(sent.status()).toBe(201);
  const commissioner = await pageAs(browser, "commissionerA");
  const reviewed = await commissioner.request.post(`/api/v1/evidence/${(await sent.json()).id}/review`, {
    data: { decision: "accepted", note: "Coincide con el acta (e2e)." },
  });
  expect(reviewed.status()).toBe(200);

  expect(await withoutEvidence()).toBe(before - 1);
});
