import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "@/db/testing/fixtures";
import { GET } from "./route";

// Outside a Next.js request there is no session and no Host: the reader is the public.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "monitor.example" }) }));
vi.mock("@/db/session", () => ({ getViewer: async () => null }));

const HEADER =
  "id,mesa,code,title,theme,responsible_parties,lead_party,made_on,due_on,status,overdue,evidence_count,last_change_on,recurrence,ends_on,url";

async function download(query = "") {
  const response = await GET(new Request(`http://monitor.example/api/v1/commitments.csv?${query}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, text, records: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

let ids: Record<string, number>;
beforeAll(() => {
  const mesa = makeMesa("huancane");
  const other = makeMesa("otra");
  const company = makeParty("compania", "company");
  const community = makeParty("comunidad");
  const monitor = makeUser("monitor");
  ids = {
    accents: makeCommitment({
      mesaId: mesa.id,
      partyIds: [company.id, community.id],
      title: 'Compañía entregará agua a Huancané, "sin demora"',
      status: "pending",
      dueOn: "2025-01-31",
    }).id,
    restricted: makeCommitment({ mesaId: mesa.id, partyIds: [company.id], visibility: "restricted" }).id,
    other: makeCommitment({ mesaId: other.id, partyIds: [community.id], status: "fulfilled" }).id,
  };
  makeEvidence(ids.accents, monitor.id, "accepted");
  makeEvidence(ids.accents, monitor.id, "submitted");
  // More than one batch of the export.
  for (let i = 0; i < 1200; i++) makeCommitment({ mesaId: other.id, partyIds: [company.id], title: `Lote ${i}` });
});

describe("GET /api/v1/commitments.csv", () => {
  it("is UTF-8 with a BOM and the contract's header, accents and quotes intact", async () => {
    const { response, text, records } = await download("mesa=huancane");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(text.startsWith("\uFEFF" + HEADER + "\n")).toBe(true);
    expect(records).toEqual([
      {
        id: String(ids.accents),
        mesa: "huancane",
        code: expect.any(String),
        title: 'Compañía entregará agua a Huancané, "sin demora"',
        theme: "water",
        responsible_parties: "compania;comunidad",
        lead_party: "compania",
        made_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        due_on: "2025-01-31",
        status: "pending",
        overdue: "true",
        evidence_count: "1",
        last_change_on: expect.stringMatching(/^(\d{4}-\d{2}-\d{2})?$/),
        recurrence: "",
        ends_on: "",
        url: `https://monitor.example/commitments/${ids.accents}`,
      },
    ]);
  });

  it("gives every matching commitment, past the first batch, and never a restricted one to the public", async () => {
    const { records } = await download();
    expect(records).toHaveLength(1202);
    expect(records.map((r) => Number(r.id))).not.toContain(ids.restricted);
    expect(new Set(records.map((r) => r.id)).size).toBe(1202);
    const { records: fulfilled } = await download("status=fulfilled");
    expect(fulfilled.map((r) => Number(r.id))).toEqual([ids.other]);
  });

  it("answers a header alone when nothing matches, and a 400 naming a bad filter", async () => {
    const { text, records } = await download("q=nada-parecido");
    expect(records).toEqual([]);
    expect(text).toBe("\uFEFF" + HEADER + "\n");
    const bad = await GET(new Request("http://monitor.example/api/v1/commitments.csv?party=nadie"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("party");
  });
});
