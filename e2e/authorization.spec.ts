import { expect, test, type Page } from "@playwright/test";
import { newCommitment, pageAs, type AccountName } from "./support";

// The authorization matrix of issue #3, as a table: every write endpoint, every protected page
// and the reads of a restricted commitment, for each kind of viewer. New routes join the table.
// Mesa A is Las Bambas (where commissioner A and monitor A are assigned); monitor B has Espinar.

type Viewer = AccountName | "anonymous";
const VIEWERS: Viewer[] = ["anonymous", "monitorA", "monitorB", "commissionerA", "admin"];
/** "login" means: sent to the sign-in page. */
type Expected = number | "login";
type Ids = { publicId: number; restrictedId: number; evidenceFor: Record<Viewer, number> };

type Row = {
  name: string;
  run: (page: Page, ids: Ids, viewer: Viewer) => Promise<Expected>;
  expect: Record<Viewer, Expected>;
};

async function api(page: Page, method: "GET" | "POST" | "PATCH", url: string, data?: unknown): Promise<Expected> {
  const response = await page.request.fetch(url, { method, data });
  return response.status();
}

const evidenceFields = (summary: string) => ({ observedOn: "2026-03-01", kind: "site_visit", summary });

async function visit(page: Page, path: string): Promise<Expected> {
  const response = await page.goto(path);
  return new URL(page.url()).pathname === "/login" ? "login" : response!.status();
}

const all = (value: Expected): Record<Viewer, Expected> =>
  Object.fromEntries(VIEWERS.map((v) => [v, value])) as Record<Viewer, Expected>;

const MATRIX: Row[] = [
  {
    name: "POST /api/v1/commitments",
    run: (page) => api(page, "POST", "/api/v1/commitments", newCommitment()),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 201, admin: 201 },
  },
  {
    name: "PATCH /api/v1/commitments/{public}",
    run: (page, ids) => api(page, "PATCH", `/api/v1/commitments/${ids.publicId}`, { title: "Título editado" }),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "PATCH /api/v1/commitments/{restricted}",
    run: (page, ids) => api(page, "PATCH", `/api/v1/commitments/${ids.restrictedId}`, { title: "Título editado" }),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "POST /api/v1/commitments/{public}/status",
    run: (page, ids) =>
      api(page, "POST", `/api/v1/commitments/${ids.publicId}/status`, { status: "in_progress", reason: "Avance" }),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "POST /api/v1/commitments/{public}/evidence",
    run: async (page, ids) =>
      (
        await page.request.post(`/api/v1/commitments/${ids.publicId}/evidence`, {
          multipart: evidenceFields("Visita de verificación"),
        })
      ).status(),
    expect: { anonymous: 401, monitorA: 201, monitorB: 403, commissionerA: 201, admin: 201 },
  },
  {
    name: "POST /api/v1/evidence/{id}/review",
    run: (page, ids, viewer) =>
      api(page, "POST", `/api/v1/evidence/${ids.evidenceFor[viewer]}/review`, { decision: "accepted" }),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "GET /api/v1/commitments/{restricted}",
    run: (page, ids) => api(page, "GET", `/api/v1/commitments/${ids.restrictedId}`),
    expect: { anonymous: 404, monitorA: 200, monitorB: 404, commissionerA: 200, admin: 200 },
  },
  {
    name: "GET /api/v1/monitor",
    run: (page) => api(page, "GET", "/api/v1/monitor"),
    expect: { ...all(200), anonymous: 401 },
  },
  {
    name: "GET /api/v1/review/counts",
    run: (page) => api(page, "GET", "/api/v1/review/counts"),
    expect: { anonymous: 401, monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "page /commitments/{restricted}",
    run: (page, ids) => visit(page, `/commitments/${ids.restrictedId}`),
    expect: { anonymous: 404, monitorA: 200, monitorB: 404, commissionerA: 200, admin: 200 },
  },
  {
    name: "page /mesas/las-bambas/commitments/new",
    run: (page) => visit(page, "/mesas/las-bambas/commitments/new"),
    expect: { anonymous: "login", monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  {
    name: "page /commitments/{public}/edit",
    run: (page, ids) => visit(page, `/commitments/${ids.publicId}/edit`),
    expect: { anonymous: "login", monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  ...["/mesas/las-bambas/edit", "/mesas/las-bambas/meetings/new", "/mesas/las-bambas/meetings/1/edit"].map(
    (path): Row => ({
      name: `page ${path}`,
      run: (page) => visit(page, path),
      expect: { anonymous: "login", monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
    }),
  ),
  {
    name: "page /monitor",
    run: (page) => visit(page, "/monitor"),
    expect: { ...all(200), anonymous: "login" },
  },
  {
    name: "page /review",
    run: (page) => visit(page, "/review"),
    expect: { anonymous: "login", monitorA: 403, monitorB: 403, commissionerA: 200, admin: 200 },
  },
  ...["/admin/users", "/admin/parties", "/admin/mesas/new", "/admin/audit"].map((path): Row => ({
    name: `page ${path}`,
    run: (page) => visit(page, path),
    expect: { anonymous: "login", monitorA: 403, monitorB: 403, commissionerA: 403, admin: 200 },
  })),
  {
    name: "page /account/tokens",
    run: (page) => visit(page, "/account/tokens"),
    expect: { ...all(200), anonymous: "login" },
  },
];

test("authorization matrix: every viewer gets the expected answer everywhere", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await pageAs(browser, "admin");
  const listed = (await (await admin.request.get("/api/v1/commitments?mesa=las-bambas&pageSize=100")).json()).data as {
    id: number;
    visibility: string;
  }[];
  const publicId = listed.find((c) => c.visibility === "public")!.id;
  // One submitted piece of evidence for each viewer to try to review.
  const evidenceFor = {} as Record<Viewer, number>;
  for (const viewer of VIEWERS) {
    const response = await admin.request.post(`/api/v1/commitments/${publicId}/evidence`, {
      multipart: evidenceFields(`Para revisar (${viewer})`),
    });
    evidenceFor[viewer] = (await response.json()).id;
  }
  const ids: Ids = { publicId, restrictedId: listed.find((c) => c.visibility === "restricted")!.id, evidenceFor };

  const actual: Record<string, Record<Viewer, Expected>> = {};
  const expected: Record<string, Record<Viewer, Expected>> = {};
  for (const viewer of VIEWERS) {
    const page = await pageAs(browser, viewer);
    for (const row of MATRIX) {
      (actual[row.name] ??= {} as Record<Viewer, Expected>)[viewer] = await row.run(page, ids, viewer);
      (expected[row.name] ??= {} as Record<Viewer, Expected>)[viewer] = row.expect[viewer];
    }
    await page.context().close();
  }
  expect(actual).toEqual(expected);
});
