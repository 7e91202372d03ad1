import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/db/access";
import { getCommitment } from "@/db/queries/commitment-detail";
import { getDb } from "@/db/client";
import { commitmentPeriods } from "@/db/schema";
import { makeCommitment, makeMesa, makeParty } from "@/db/testing/fixtures";
import { GET } from "./route";

// Outside a Next.js request there is no session and no Host: the reader is the public.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "monitor.example" }) }));
vi.mock("@/db/session", () => ({ getViewer: async () => null }));

const admin: Viewer = { userId: 1, name: "Admin", role: "admin", mesaIds: [] };

async function download(query = "") {
  const response = await GET(new Request(`http://monitor.example/api/v1/periods.csv?${query}`));
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer()));
  return { response, text, records: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

let ids: Record<string, number>;
beforeAll(() => {
  const mesa = makeMesa("fuerabamba");
  const party = makeParty("compania-minera", "company");
  const recurring = (extra: Partial<Parameters<typeof makeCommitment>[0]>) =>
    makeCommitment({ mesaId: mesa.id, partyIds: [party.id], madeOn: "2023-01-01", recurrence: "yearly", ...extra }).id;
  ids = {
    yearly: recurring({ title: "Aporte anual al fondo comunal de Huancané" }),
    restricted: recurring({ visibility: "restricted" }),
    oneOff: makeCommitment({ mesaId: mesa.id, partyIds: [party.id] }).id,
  };
  getDb().insert(commitmentPeriods).values({ commitmentId: ids.yearly, n: 2, status: "broken" }).run();
});

describe("GET /api/v1/periods.csv", () => {
  it("has one row per elapsed period of each public recurring commitment, as its JSON shows them", async () => {
    const { response, text, records } = await download("mesa=fuerabamba");
    expect(response.status).toBe(200);
    expect(
      text.startsWith("\uFEFFcommitment_id,mesa,code,title,recurrence,period,starts_on,due_on,status,overdue,url\n"),
    ).toBe(true);
    const { periods } = getCommitment(admin, ids.yearly)!;
    expect(periods.length).toBeGreaterThanOrEqual(4);
    expect(records).toEqual(
      periods.map((p) => ({
        commitment_id: String(ids.yearly),
        mesa: "fuerabamba",
        code: expect.any(String),
        title: "Aporte anual al fondo comunal de Huancané",
        recurrence: "yearly",
        period: String(p.n),
        starts_on: p.startsOn,
        due_on: p.dueOn,
        status: p.status,
        overdue: String(p.overdue),
        url: `https://monitor.example/commitments/${ids.yearly}`,
      })),
    );
    expect(records[1]).toMatchObject({ period: "2", starts_on: "2024-01-01", due_on: "2024-12-31", status: "broken" });
    // Neither the restricted commitment nor the one-off one.
    expect(new Set(records.map((r) => r.commitment_id))).toEqual(new Set([String(ids.yearly)]));
  });

  it("answers 400 for a bad filter, as the commitments export", async () => {
    const response = await GET(new Request("http://monitor.example/api/v1/periods.csv?status=done"));
    expect(response.status).toBe(400);
  });
});
