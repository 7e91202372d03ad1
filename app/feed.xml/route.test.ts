import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "@/db/testing/fixtures";
import { GET as mesaFeed } from "@/app/(site)/(public)/mesas/[slug]/feed.xml/route";
import { GET } from "./route";

// Outside a Next.js request: no cookies (Spanish), the Host of a site.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "monitor.example" }),
  cookies: async () => ({ get: () => undefined }),
}));

type Text = string | { "#text": string };
type Entry = { title: Text; id: string; link: { "@_href": string }; updated: string };
const text = (value: Text) => (typeof value === "string" ? value : value["#text"]);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" });
async function parsed(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const doc = parser.parse(await response.text());
  return doc.feed as { "@_xmlns": string; title: string; id: string; entry?: Entry[] };
}

let ids: Record<string, number>;
beforeAll(() => {
  const commissioner = makeUser("commissioner");
  const monitor = makeUser("monitor");
  const mesa = makeMesa("ilave");
  const other = makeMesa("ayaviri");
  const party = makeParty("gore-puno", "regional_government");
  const at = (day: string) => `${day}T15:00:00.000Z`;
  const history = (to: "fulfilled" | "broken") => [
    { to: "pending" as const, at: at("2025-01-01"), by: commissioner.id },
    { to, at: at("2025-06-01"), by: commissioner.id },
  ];
  ids = {
    fulfilled: makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      status: "fulfilled",
      code: "IL-1",
      history: history("fulfilled"),
    }).id,
    restricted: makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      status: "broken",
      code: "IL-SECRETO",
      visibility: "restricted",
      history: history("broken"),
    }).id,
    elsewhere: makeCommitment({
      mesaId: other.id,
      partyIds: [party.id],
      status: "broken",
      code: "AY-1",
      history: history("broken"),
    }).id,
  };
  makeEvidence(ids.fulfilled, monitor.id, "accepted");
  makeEvidence(ids.fulfilled, monitor.id, "submitted");
  makeEvidence(ids.restricted, monitor.id, "accepted");
});

describe("Atom feeds", () => {
  it("announce status changes and accepted evidence of public commitments, as Atom 1.0", async () => {
    const feed = await parsed(await GET());
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://monitor.example/feed.xml");
    const titles = feed.entry!.map((e) => text(e.title));
    expect(titles).toContainEqual(expect.stringMatching(/^IL-1: de Pendiente a Cumplido · /));
    expect(titles).toContainEqual(expect.stringMatching(/^IL-1: evidencia aceptada · /));
    expect(titles).toContainEqual(expect.stringMatching(/^AY-1: de Pendiente a Incumplido/));
    // The creation entry is not a change; unreviewed evidence and restricted commitments never show.
    expect(feed.entry).toHaveLength(3);
    expect(titles.join(" ")).not.toContain("IL-SECRETO");
    expect(feed.entry![0].link["@_href"]).toMatch(/^https:\/\/monitor\.example\/commitments\/\d+$/);
    expect(new Set(feed.entry!.map((e) => e.id)).size).toBe(3);
  });

  it("per mesa: only that mesa's events, and 404 for an unknown mesa", async () => {
    const feed = await parsed(await mesaFeed(new Request("http://x"), { params: Promise.resolve({ slug: "ilave" }) }));
    expect(feed.entry!.map((e) => text(e.title).split(":")[0])).toEqual(["IL-1", "IL-1"]);
    const missing = await mesaFeed(new Request("http://x"), { params: Promise.resolve({ slug: "nowhere" }) });
    expect(missing.status).toBe(404);
  });
});
