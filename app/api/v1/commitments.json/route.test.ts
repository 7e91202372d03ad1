import { beforeAll, expect, it, vi } from "vitest";
import { makeCommitment, makeMesa, makeParty } from "@/db/testing/fixtures";
import { GET } from "./route";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));
vi.mock("@/db/session", () => ({ getViewer: async () => null }));

let ids: number[];
beforeAll(() => {
  const mesa = makeMesa("ilave");
  const party = makeParty("gore-puno", "regional_government");
  ids = Array.from(
    { length: 1003 },
    (_, i) => makeCommitment({ mesaId: mesa.id, partyIds: [party.id], code: `IL-${String(i).padStart(4, "0")}` }).id,
  );
  makeCommitment({ mesaId: mesa.id, partyIds: [party.id], visibility: "restricted", code: "IL-SECRETO" });
});

it("answers every public commitment of the filters as one JSON document, past the first batch", async () => {
  const response = await GET(new Request("http://localhost:3000/api/v1/commitments.json?mesa=ilave"));
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const { data } = (await response.json()) as { data: { id: number; code: string; parties: string[]; url: string }[] };
  expect(data.map((c) => c.id)).toEqual(ids);
  expect(data[0]).toMatchObject({
    code: "IL-0000",
    parties: ["gore-puno"],
    url: `http://localhost:3000/commitments/${ids[0]}`,
  });
  expect(data.some((c) => c.code === "IL-SECRETO")).toBe(false);
});

it("answers an empty list, and a 400 naming a bad filter", async () => {
  const empty = await GET(new Request("http://localhost:3000/api/v1/commitments.json?mesa=ilave&status=broken"));
  expect(await empty.json()).toEqual({ data: [] });
  const bad = await GET(new Request("http://localhost:3000/api/v1/commitments.json?status=perdido"));
  expect(bad.status).toBe(400);
  expect((await bad.json()).error.issues[0].path).toBe("status");
});
