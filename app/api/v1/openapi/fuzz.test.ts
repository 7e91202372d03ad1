import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createToken } from "@/db/commands/tokens";
import { findMesaId } from "@/db/queries/mesas";
import { commitments, evidence, userMesas } from "@/db/schema";
import { loadDemo } from "@/db/seed/demo";
import { makeCommitment, makeEvidence, makeUser } from "@/db/testing/fixtures";
import { watchWrites } from "@/db/testing/write-log";
import {
  configureFuzzing,
  fuzzRuns,
  hostileJson,
  hostileKey,
  hostileString,
  jsonObjectText,
} from "@/db/testing/hostile";
import { viewerForUser } from "@/db/viewers";
import { API_BASE, openApiDocument, type Method } from "./document";
import { callRoute } from "./in-process";
import { OPERATIONS } from "./operations";

// Issue 11, fuzzing: random and hostile requests against every operation of /api/v1, in
// process, as each role. Whatever comes in: no 5xx and nothing thrown, every answer's status is
// documented, every refusal is CONTRACT §5's JSON error naming the fields at fault, and a
// refusal writes nothing. FUZZ_SEED replays a run, FUZZ_RUNS makes it longer.

vi.mock("next/headers", async () => {
  const { current } = await import("./in-process");
  return { headers: async () => current.headers, cookies: async () => ({ get: () => undefined }) };
});
vi.mock("@/auth", () => ({ auth: async () => null }));

configureFuzzing();
const doc = openApiDocument();
const RUNS = fuzzRuns(40);

type Role = "public" | "monitor" | "commissioner" | "admin" | "revoked";
let tokens: Record<Role, string | null>;
let ids: { commitment: string[]; evidence: string[] };

beforeAll(async () => {
  const db = getDb();
  await loadDemo(db);
  const mesa = findMesaId("las-bambas")!;
  const token = (role: "monitor" | "commissioner" | "admin") => {
    const user = makeUser(role);
    if (role !== "admin") db.insert(userMesas).values({ userId: user.id, mesaId: mesa }).run();
    return createToken(viewerForUser(user.id), { name: "fuzz" }).token;
  };
  tokens = {
    public: null,
    monitor: token("monitor"),
    commissioner: token("commissioner"),
    admin: token("admin"),
    revoked: "mm_revoked",
  };
  const party = getDb().query.parties.findFirst()!;
  const party_ = (await party)!.id;
  const recurring = makeCommitment({ mesaId: mesa, partyIds: [party_], madeOn: "2024-01-01", recurrence: "monthly" });
  const reviewer = viewerForUser(makeUser("commissioner").id)!.userId;
  makeEvidence(recurring.id, reviewer, "submitted");
  const someCommitments = db.select({ id: commitments.id }).from(commitments).limit(8).all();
  const someEvidence = db.select({ id: evidence.id }).from(evidence).limit(8).all();
  ids = {
    commitment: [recurring.id, ...someCommitments.map((c) => c.id)].map(String),
    evidence: someEvidence.map((e) => String(e.id)),
  };
});

/** Values a well-behaved client would send, by field name: mixed with hostile ones, they reach deep into the commands. */
const PLAUSIBLE: Record<string, unknown[]> = {
  mesa: ["las-bambas", "quellaveco", "espinar"],
  party: ["mmg-las-bambas"],
  code: ["FZ-1", "FZ-2", "LB-01"],
  title: ["Pozo para la comunidad"],
  text: ["Texto del acta."],
  theme: ["water", "health"],
  responsibleParties: [
    [{ slug: "mmg-las-bambas", lead: true }],
    [
      { slug: "mmg-las-bambas", lead: true },
      { slug: "mmg-las-bambas", lead: false },
    ],
    [{ slug: "nadie", lead: true }],
  ],
  madeOn: ["2025-03-01", "2024-01-01"],
  dueOn: [null, "2025-12-31", "2024-06-30"],
  meeting: [null, 1, 2, 999],
  visibility: ["public", "restricted"],
  recurrence: [null, { every: "yearly" }, { every: "monthly", startsOn: "2024-01-01", endsOn: "2023-01-01" }],
  status: ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"],
  reason: ["Verificado en campo"],
  evidenceIds: [[], [1], [999999], [1, 1]],
  supersededBy: [null, 1, 2, 999999],
  decision: ["accepted", "rejected"],
  note: [null, "Verificado"],
  setStatus: [null, "partial", "superseded"],
  observedOn: ["2025-04-02"],
  kind: ["document", "photo"],
  summary: ["Acta de entrega firmada"],
  sourceUrl: ["https://example.org/acta.pdf"],
  suggestedStatus: ["fulfilled"],
  asOf: ["2025-06-30"],
  overdue: ["true", "false"],
  q: ["agua"],
  page: ["1", "2"],
  pageSize: ["10", "100"],
  from: ["2024-01-01"],
  to: ["2025-01-01"],
  chart: ["monthly", "parties"],
  dryRun: ["true", "false"],
};

const valueFor = (key: string): fc.Arbitrary<unknown> =>
  PLAUSIBLE[key]
    ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...PLAUSIBLE[key]) }, { weight: 1, arbitrary: hostileJson })
    : hostileJson;
const asText = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

/**
 * Either some of the named fields, plausible or hostile, or all of them, mostly plausible (so
 * that writes get through with hostile values in a field or two); sometimes a smuggled or
 * repeated key besides.
 */
const entries = (keys: string[]) => {
  const some = fc
    .subarray(keys)
    .chain((chosen) => fc.tuple(...chosen.map((key) => valueFor(key).map((v) => [key, v] as [string, unknown]))));
  const all = fc.tuple(
    ...keys.map((key) =>
      fc
        .oneof(
          { weight: 6, arbitrary: PLAUSIBLE[key] ? fc.constantFrom(...PLAUSIBLE[key]) : hostileString },
          { weight: 1, arbitrary: hostileString },
        )
        .map((v) => [key, v] as [string, unknown]),
    ),
  );
  const extra = fc.array(fc.tuple(fc.oneof(hostileKey, fc.constantFrom(...keys, "x")), hostileJson), { maxLength: 2 });
  return fc
    .tuple(fc.oneof(some, all), fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }))
    .map(([named, more]) => [...named, ...more] as [string, unknown][]);
};

const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const CSV_HEADER = "code,title,text,theme,responsible_parties,lead_party,made_on,due_on,status";
const fileBytes = fc.oneof(
  fc.constant(PNG_1X1),
  fc.constant(PDF),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc
    .array(fc.array(hostileString, { minLength: 9, maxLength: 9 }), { maxLength: 3 })
    .map((rows) => Buffer.from([CSV_HEADER, ...rows.map((r) => r.join(","))].join("\n"))),
);

type Body = { kind: "none" } | { kind: "text"; text: string; type: string } | { kind: "form"; form: FormData };

function body(op: (typeof OPERATIONS)[number]): fc.Arbitrary<Body> {
  if (op.method === "get") return fc.constant({ kind: "none" });
  const keys = Object.keys(op.body?.schema.shape ?? {});
  const json = (text: string): Body => ({ kind: "text", text, type: "application/json" });
  const form = fc
    .tuple(
      entries(keys.filter((k) => k !== "files" && k !== "file")),
      fc.array(fc.tuple(fc.constantFrom("files", "file", "x"), fileBytes, hostileString), { maxLength: 3 }),
    )
    .map(([fields, files]): Body => {
      const data = new FormData();
      for (const [key, value] of fields) data.append(key, asText(value));
      for (const [key, bytes, name] of files) data.append(key, new Blob([bytes]), name || "f");
      return { kind: "form", form: data };
    });
  return fc.oneof(
    {
      weight: 8,
      arbitrary:
        op.body?.mediaType === "multipart/form-data" ? form : entries(keys).map((e) => json(jsonObjectText(e))),
    },
    { weight: 1, arbitrary: hostileJson.map((v) => json(JSON.stringify(v) ?? "null")) },
    { weight: 1, arbitrary: hostileString.map((text): Body => ({ kind: "text", text, type: "application/json" })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { kind: "none" },
        { kind: "text", text: "a=1", type: "application/x-www-form-urlencoded" },
      ),
    },
    {
      weight: 1,
      arbitrary:
        op.body?.mediaType === "multipart/form-data" ? entries(keys).map((e) => json(jsonObjectText(e))) : form,
    },
  );
}

const pathParam = (name: string): fc.Arbitrary<string> => {
  const plausible =
    name === "slug" ? ["las-bambas", "mmg-las-bambas", "quellaveco"] : name === "n" ? ["1", "2", "3"] : null;
  return fc.oneof(
    {
      weight: 6,
      arbitrary: plausible
        ? fc.constantFrom(...plausible)
        : fc.constantFrom(...(name === "id" ? [...ids.commitment, ...ids.evidence] : ["1"])),
    },
    // As Next.js decodes a path segment: well-formed Unicode.
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0).map((s) => s.toWellFormed()) },
  );
};

type Fuzzed = { role: Role; params: Record<string, string>; query: [string, string][]; body: Body; key?: string };

function request(op: (typeof OPERATIONS)[number], names: { path: string[]; query: string[] }): fc.Arbitrary<Fuzzed> {
  return fc.record({
    role: fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom<Role>("public", "revoked", "monitor") },
      { weight: 2, arbitrary: fc.constantFrom<Role>("commissioner", "admin") },
    ),
    params: fc.record(Object.fromEntries(names.path.map((n) => [n, pathParam(n)]))) as fc.Arbitrary<
      Record<string, string>
    >,
    query:
      names.query.length || op.method === "get"
        ? entries(names.query).map((e) => e.map(([k, v]) => [k, asText(v)] as [string, string]))
        : fc.constant([]),
    body: body(op),
    key: fc.option(hostileString, { nil: undefined }),
  });
}

async function send(method: Method, path: string, f: Fuzzed): Promise<Response> {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(f.params[name]));
  const headers = new Headers({ host: "localhost:3000" });
  if (tokens[f.role]) headers.set("authorization", `Bearer ${tokens[f.role]}`);
  if (f.key !== undefined) headers.set("idempotency-key", f.key.replace(/[^\x20-\x7e]/g, "?"));
  if (f.body.kind === "text") headers.set("content-type", f.body.type);
  const query = new URLSearchParams(f.query).toString();
  const request = new Request(`http://localhost:3000${API_BASE}${filled}${query ? `?${query}` : ""}`, {
    method: method.toUpperCase(),
    headers,
    body: f.body.kind === "text" ? f.body.text : f.body.kind === "form" ? f.body.form : undefined,
  });
  return callRoute(method, path, request, f.params);
}

/** The top-level names a client sent, plus the documented ones: an issue must point at one of them. */
function namesOf(f: Fuzzed, documented: string[]): Set<string> {
  const sent = [...f.query.map(([k]) => k), ...(f.body.kind === "form" ? [...f.body.form.keys()] : [])];
  if (f.body.kind === "text") {
    try {
      const parsed: unknown = JSON.parse(f.body.text);
      if (parsed && typeof parsed === "object") sent.push(...Object.keys(parsed));
    } catch {
      // not JSON: no names
    }
  }
  return new Set([...documented, ...sent]);
}

it("sees a write when one happens (so that 'writes nothing' below can fail)", async () => {
  const written = watchWrites();
  const f: Fuzzed = {
    role: "commissioner",
    params: { id: ids.commitment[0] },
    query: [],
    body: { kind: "text", text: JSON.stringify({ title: "Otro título" }), type: "application/json" },
  };
  expect((await send("patch", "/commitments/{id}", f)).status).toBe(200);
  expect(written()).toContain("commitments");
});

describe.each(OPERATIONS.map((op) => ({ key: `${op.method} ${op.path}`, op })))("$key", ({ op }) => {
  const operation = doc.paths[op.path][op.method]!;
  const names = {
    path: [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    query: (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
  };
  const bodyKeys = Object.keys(op.body?.schema.shape ?? {});

  it(
    "never fails, answers a documented status, and a refusal names its fields and writes nothing",
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(request(op, names), async (f) => {
          const written = watchWrites();
          const response = await send(op.method, op.path, f);
          const text = await response.text();
          if (process.env.FUZZ_STATS)
            console.log(`${op.method} ${op.path} ${f.role} ${response.status} ${text.slice(0, 120)}`);
          const label = `${op.method} ${op.path} → ${response.status}: ${text.slice(0, 300)}`;
          expect(response.status, label).toBeLessThan(500);
          expect(operation.responses[response.status], `${label} (undocumented status)`).toBeDefined();
          if (response.status < 400) return;

          expect(written(), `${label} wrote`).toEqual([]);
          expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
          const { error } = JSON.parse(text) as {
            error: { code: string; message: string; issues?: { path: string; message: string }[] };
          };
          expect(typeof error.code, label).toBe("string");
          expect(error.message, label).toBeTruthy();
          if (["invalid_input", "invalid_parameters"].includes(error.code)) {
            expect(error.issues?.length, `${label}: which field?`).toBeGreaterThan(0);
            const known = namesOf(f, [...names.path, ...names.query, ...bodyKeys, "rows", "columns"]);
            for (const issue of error.issues!) {
              expect(issue.message, label).toBeTruthy();
              const named = known.has(issue.path) || known.has(issue.path.split(".")[0]);
              expect(named, `${label}: "${issue.path}" is no field`).toBe(true);
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
  );
});
