import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createToken } from "@/db/commands/tokens";
import { findMesaId } from "@/db/queries/mesas";
import { loadDemo } from "@/db/seed/demo";
import { commitments, evidence, parties, userMesas } from "@/db/schema";
import { makeCommitment, makeEvidence, makeUser } from "@/db/testing/fixtures";
import { viewerForUser } from "@/db/viewers";
import { API_BASE, openApiDocument, type Method } from "./document";
import { callRoute, ROUTES } from "./in-process";

// Calls every operation of the OpenAPI document on its route handler, in process, against the
// demo data set: a documented success and at least one documented refusal each. Every answer's
// status, media type and body must be what the document says, so a handler that drifts from
// its documentation (or the other way round) fails here.

// next/headers as the handlers see it: the current request's headers; no browser session.
vi.mock("next/headers", async () => {
  const { current } = await import("./in-process");
  return { headers: async () => current.headers, cookies: async () => ({ get: () => undefined }) };
});
vi.mock("@/auth", () => ({ auth: async () => null }));

const doc = openApiDocument();
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
ajv.addFormat("binary", true);
// The whole document is one schema, so that `$ref`s resolve in it; its own fields are no keywords.
ajv.addVocabulary(Object.keys(doc));
ajv.addSchema(doc, "openapi.json");

type Operation = { key: string; method: Method; path: string };
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ key: `${method} ${path}`, method: method as Method, path })),
);

type Call = {
  status: number;
  params?: Record<string, string>;
  query?: string;
  as?: "commissioner" | "monitor";
  json?: unknown;
  /** A body that is not JSON, for a write that expects JSON. */
  text?: string;
  form?: FormData;
  headers?: Record<string, string>;
};
type Case = { ok: Call[]; refused: Call[] };

/** The route handlers under app/api/v1, as `method /path` (`[id]` written `{id}`). */
async function routedOperations(): Promise<string[]> {
  const routes = await Promise.all(
    Object.entries(ROUTES).map(async ([file, load]) => {
      const path = file.slice(2, -"/route.ts".length).replace(/\[(\w+)\]/g, "{$1}");
      const methods = Object.keys(await load()).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
      return methods.map((method) => `${method.toLowerCase()} ${path}`);
    }),
  );
  return routes.flat();
}

async function call(op: Operation, c: Call): Promise<Response> {
  const filled = op.path.replace(/\{(\w+)\}/g, (_, name: string) => c.params![name]);
  const headers = new Headers({ host: "localhost:3000", ...c.headers });
  if (c.as) headers.set("authorization", `Bearer ${tokens[c.as]}`);
  if (c.json !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost:3000${API_BASE}${filled}${c.query ?? ""}`, {
    method: op.method.toUpperCase(),
    headers,
    body: c.json !== undefined ? JSON.stringify(c.json) : (c.text ?? c.form),
  });
  return callRoute(op.method, op.path, request, c.params);
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
/** What a `#/…` JSON pointer points at in the document. */
const resolve = (at: string) =>
  at
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part.replaceAll("~1", "/").replaceAll("~0", "~")],
      doc,
    );

/** Checks an answer against the document: its status is documented, and so are its media type and body. */
async function expectDocumented(op: Operation, response: Response, status: number) {
  const label = `${op.key} → ${response.status}`;
  const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBe(status);
  const documented = doc.paths[op.path][op.method]!.responses[status];
  expect(documented, `${label} is documented`).toBeDefined();
  const at =
    "$ref" in documented ? documented.$ref : `#/${pointer("paths", op.path, op.method, "responses", String(status))}`;
  const { content } = resolve(at) as { content: Record<string, unknown> };
  const [mediaType] = Object.keys(content);
  expect(response.headers.get("content-type")?.split(";")[0], label).toBe(mediaType);
  const validate = ajv.getSchema(`openapi.json${at}/${pointer("content", mediaType, "schema")}`)!;
  const value = mediaType === "application/json" ? JSON.parse(body) : body;
  expect(validate(value), `${label}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

let tokens: Record<"commissioner" | "monitor", string>;
let ids: { mesa: number; party: number; withEvidence: number; commissioner: number };

beforeAll(async () => {
  const db = getDb();
  await loadDemo(db);
  const mesa = findMesaId("las-bambas")!;
  const commissioner = makeUser("commissioner");
  const monitor = makeUser("monitor");
  db.insert(userMesas).values({ userId: commissioner.id, mesaId: mesa }).run();
  db.insert(userMesas).values({ userId: monitor.id, mesaId: mesa }).run();
  tokens = {
    commissioner: createToken(viewerForUser(commissioner.id), { name: "openapi" }).token,
    monitor: createToken(viewerForUser(monitor.id), { name: "openapi" }).token,
  };
  const withEvidence = db
    .select({ id: commitments.id })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(and(eq(evidence.reviewState, "accepted"), eq(commitments.visibility, "public")))
    .get()!.id;
  const party = db.select({ id: parties.id }).from(parties).where(eq(parties.slug, "mmg-las-bambas")).get()!.id;
  ids = { mesa, party, withEvidence, commissioner: commissioner.id };
});

/** A fresh commitment on las-bambas, for a write to change. */
const fresh = () => String(makeCommitment({ mesaId: ids.mesa, partyIds: [ids.party] }).id);

function evidenceForm(fields: Record<string, string>, file?: { bytes: string; name: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.append("files", new Blob([file.bytes]), file.name);
  return form;
}

/** An acta's commitments as a CSV (CONTRACT §6), in a multipart body's `file`. */
function importForm(...rows: string[]) {
  const form = new FormData();
  const header = "code,title,text,theme,responsible_parties,lead_party,made_on,due_on,status";
  form.set("file", new Blob([[header, ...rows].join("\n")]), "acta.csv");
  return form;
}

const CASES: Record<string, () => Case> = {
  "get /mesas": () => ({
    ok: [{ status: 200 }, { status: 200, query: "?asOf=2025-06-30" }],
    refused: [{ status: 400, query: "?asOf=yesterday" }],
  }),
  "get /mesas/{slug}": () => ({
    ok: [{ status: 200, params: { slug: "las-bambas" } }],
    refused: [
      { status: 404, params: { slug: "no-existe" } },
      { status: 400, params: { slug: "las-bambas" }, query: "?asOf=2025-13-01" },
    ],
  }),
  "post /mesas/{slug}/import": () => {
    const params = { slug: "las-bambas" };
    const row = (code: string, theme = "water") =>
      `${code},Pozo para la comunidad,Texto del acta.,${theme},mmg-las-bambas,,2025-03-01,2025-12-31,pending`;
    return {
      ok: [
        {
          status: 200,
          params,
          query: "?dryRun=true",
          as: "commissioner",
          form: importForm(row("IM-01"), row("IM-02")),
        },
        { status: 201, params, as: "commissioner", form: importForm(row("IM-01"), row("IM-02")) },
      ],
      refused: [
        { status: 422, params, as: "commissioner", form: importForm(row("IM-03"), row("IM-04", "weather")) },
        { status: 422, params, as: "commissioner", form: new FormData() },
        { status: 400, params, query: "?dryRun=maybe", as: "commissioner", form: importForm(row("IM-05")) },
        { status: 403, params, as: "monitor", form: importForm(row("IM-05")) },
        { status: 404, params: { slug: "no-existe" }, as: "commissioner", form: importForm(row("IM-05")) },
        { status: 415, params, as: "commissioner", json: { file: row("IM-05") } },
      ],
    };
  },
  "get /commitments": () => ({
    ok: [
      { status: 200, query: "?mesa=las-bambas&pageSize=100" },
      { status: 200, query: "?q=agua&overdue=true", as: "commissioner" },
    ],
    refused: [
      { status: 400, query: "?status=perdido" },
      { status: 400, query: "?pageSize=500" },
      { status: 401, headers: { authorization: "Bearer mm_unknown" } },
    ],
  }),
  "post /commitments": () => {
    const body = {
      mesa: "las-bambas",
      code: "OA-01",
      title: "Compromiso de prueba",
      text: "Texto del acta.",
      theme: "water",
      responsibleParties: [{ slug: "mmg-las-bambas", lead: true }],
      madeOn: "2025-03-01",
    };
    return {
      ok: [{ status: 201, as: "commissioner", json: body }],
      refused: [
        { status: 409, as: "commissioner", json: body },
        { status: 422, as: "commissioner", json: { ...body, code: "OA-02", title: "" } },
        { status: 401, json: body },
        { status: 403, as: "monitor", json: body },
      ],
    };
  },
  "get /commitments/{id}": () => ({
    ok: [
      { status: 200, params: { id: String(ids.withEvidence) } },
      { status: 200, params: { id: String(ids.withEvidence) }, as: "commissioner" },
    ],
    refused: [
      { status: 400, params: { id: "abc" } },
      { status: 404, params: { id: "999999" } },
    ],
  }),
  "patch /commitments/{id}": () => {
    const id = fresh();
    return {
      ok: [{ status: 200, params: { id }, as: "commissioner", json: { title: "Título corregido", dueOn: null } }],
      refused: [
        { status: 422, params: { id }, as: "commissioner", json: { theme: "nada" } },
        { status: 404, params: { id: "999999" }, as: "commissioner", json: {} },
        { status: 400, params: { id }, as: "commissioner", text: "{title:" },
      ],
    };
  },
  "post /commitments/{id}/status": () => {
    const id = fresh();
    return {
      ok: [
        { status: 200, params: { id }, as: "commissioner", json: { status: "in_progress", reason: "Obras en curso" } },
      ],
      refused: [
        { status: 422, params: { id }, as: "commissioner", json: { status: "done", reason: "" } },
        { status: 401, params: { id }, json: { status: "in_progress", reason: "Obras en curso" } },
      ],
    };
  },
  "post /commitments/{id}/periods/{n}/status": () => {
    const id = String(
      makeCommitment({ mesaId: ids.mesa, partyIds: [ids.party], madeOn: "2024-01-01", recurrence: "yearly" }).id,
    );
    const body = { status: "fulfilled", reason: "Aporte depositado" };
    return {
      ok: [{ status: 200, params: { id, n: "1" }, as: "commissioner", json: body }],
      refused: [
        { status: 422, params: { id, n: "1" }, as: "commissioner", json: { status: "in_progress", reason: "x" } },
        { status: 422, params: { id, n: "999" }, as: "commissioner", json: body },
        { status: 400, params: { id, n: "0" }, as: "commissioner", json: body },
        { status: 403, params: { id, n: "1" }, as: "monitor", json: body },
        { status: 404, params: { id: "999999", n: "1" }, as: "commissioner", json: body },
      ],
    };
  },
  "post /commitments/{id}/evidence": () => {
    const id = fresh();
    const fields = { observedOn: "2025-04-02", kind: "document", summary: "Acta de entrega firmada" };
    const pdf = { bytes: "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", name: "acta.pdf" };
    return {
      ok: [
        {
          status: 201,
          params: { id },
          as: "monitor",
          form: evidenceForm(fields, pdf),
          headers: { "idempotency-key": "openapi-1" },
        },
      ],
      refused: [
        { status: 422, params: { id }, as: "monitor", form: evidenceForm({ ...fields, summary: "" }) },
        { status: 415, params: { id }, as: "monitor", form: evidenceForm(fields, { bytes: "hola", name: "a.txt" }) },
        { status: 415, params: { id }, as: "monitor", json: fields },
        { status: 400, params: { id: "0" }, as: "monitor", form: evidenceForm(fields) },
      ],
    };
  },
  "post /evidence/{id}/review": () => {
    const commitment = Number(fresh());
    const id = String(makeEvidence(commitment, ids.commissioner, "submitted").id);
    const other = String(makeEvidence(commitment, ids.commissioner, "submitted").id);
    return {
      ok: [
        {
          status: 200,
          params: { id },
          as: "commissioner",
          json: { decision: "accepted", setStatus: "partial", note: "Verificado" },
        },
      ],
      refused: [
        { status: 409, params: { id }, as: "commissioner", json: { decision: "rejected", note: "Otra vez" } },
        { status: 422, params: { id: other }, as: "commissioner", json: { decision: "maybe" } },
        { status: 403, params: { id: other }, as: "monitor", json: { decision: "accepted" } },
      ],
    };
  },
  "get /parties/{slug}": () => ({
    ok: [{ status: 200, params: { slug: "mmg-las-bambas" } }],
    refused: [
      { status: 404, params: { slug: "nadie" } },
      { status: 400, params: { slug: "mmg-las-bambas" }, query: "?asOf=2025-02-30" },
    ],
  }),
  "get /stats": () => ({
    ok: [{ status: 200 }, { status: 200, query: "?mesa=las-bambas&asOf=2025-06-30" }],
    refused: [
      { status: 400, query: "?theme=nada" },
      { status: 400, query: "?party=nadie" },
      // Issue 11: a day after today, or a year out of range, is a mistake, not "everything pending".
      { status: 400, query: "?asOf=9999-12-31" },
      { status: 400, query: "?asOf=0099-06-30" },
    ],
  }),
  "get /changes": () => ({
    ok: [{ status: 200, query: "?from=2024-01-01" }],
    refused: [
      { status: 400, query: "" },
      { status: 400, query: "?from=2025-05-01&to=2025-01-01" },
    ],
  }),
  "get /commitments.csv": () => ({
    ok: [{ status: 200 }, { status: 200, query: "?mesa=las-bambas&theme=water" }],
    refused: [{ status: 400, query: "?overdue=maybe" }],
  }),
  "get /periods.csv": () => ({
    ok: [{ status: 200 }, { status: 200, query: "?mesa=las-bambas" }],
    refused: [{ status: 400, query: "?status=done" }],
  }),
  "get /commitments.json": () => ({
    ok: [{ status: 200, query: "?party=mmg-las-bambas" }],
    refused: [{ status: 400, query: "?quality=perfect" }],
  }),
  "get /stats.csv": () => ({
    ok: [
      { status: 200, query: "?chart=monthly" },
      { status: 200, query: "?chart=parties&mesa=las-bambas" },
    ],
    refused: [{ status: 400, query: "?chart=pie" }],
  }),
  "get /openapi.json": () => ({ ok: [{ status: 200 }], refused: [] }),
  "get /monitor": () => ({
    ok: [{ status: 200, as: "monitor" }],
    refused: [
      { status: 401, query: "?page=2" },
      { status: 400, as: "monitor", query: "?page=0" },
    ],
  }),
  "get /review/counts": () => ({
    ok: [{ status: 200, as: "commissioner" }],
    refused: [{ status: 401 }, { status: 403, as: "monitor" }],
  }),
};

it("documents every route handler under app/api/v1, and every documented operation has one", async () => {
  const documented = operations.map((op) => op.key).sort();
  expect(documented).toEqual((await routedOperations()).sort());
  expect(Object.keys(CASES).sort()).toEqual(documented);
});

describe.each(operations)("$key", (op) => {
  it("answers as documented, and refuses as documented", async () => {
    const { ok, refused } = CASES[op.key]();
    for (const c of [...ok, ...refused]) await expectDocumented(op, await call(op, c), c.status);
  });
});
