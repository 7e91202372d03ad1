import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The review of issue 11 found queries that took no viewer, so a future route could skip the
// gate. Every exported function of db/queries takes the viewer first, unless it is listed here
// with the reason it needs none; a new query without one fails this test until it is decided.

/** Pure helpers: they compute or build SQL and read no rows themselves. */
const NO_DATABASE = [
  "referenceDay",
  "atDay",
  "qualityConditions",
  "sumQuality",
  "matchExpression",
  "searchHits", // a subquery of matching ids, only ever joined with filterWhere(viewer)
  "dayInZone",
  "firstValues",
  "parseLeniently",
  "parseId",
  "defaultDir",
  "listMesaPage",
  "sortHrefs",
  "mesaListQuery",
  "countsOf",
  "monthEnds",
  "recurrenceOf",
  "resolvePeriod",
  "neutralFileName",
];

/**
 * Public by CONTRACT §1: mesas, parties, meetings and settings carry no visibility (only
 * commitments and their evidence do), and the feeds are public whoever asks.
 */
const PUBLIC_BY_CONTRACT = [
  "getMesaProfile",
  "findMesaId",
  "listMesaNames",
  "listParties",
  "findPartyProfile",
  "findPartyId",
  "resolveScope",
  "isDemoLoaded",
  "publicFeedEvents",
  // What anyone may follow by e-mail: mesas, parties and public commitments only.
  "followedTarget",
  "followTargetId",
  "followOptions",
];

/** Answer whoever holds a secret: the token of a link e-mailed to one address. */
const BY_SECRET = ["tokenHolder"];

const dir = path.dirname(new URL(import.meta.url).pathname);

function exportedFunctions(): { name: string; firstParam: string | undefined; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      return [...source.matchAll(/export (?:async )?function\*? (\w+)(?:<[^(]*>)?\(\s*(\w+)?/g)].map((m) => ({
        name: m[1],
        firstParam: m[2],
        file,
      }));
    });
}

describe("db/queries", () => {
  it("takes the viewer first in every exported query, or says why it needs none", () => {
    const exported = exportedFunctions();
    expect(exported.length).toBeGreaterThan(40);
    const ungated = exported
      .filter((f) => f.firstParam !== "viewer")
      .filter((f) => ![...NO_DATABASE, ...PUBLIC_BY_CONTRACT, ...BY_SECRET].includes(f.name))
      .map((f) => `${f.file}: ${f.name}`);
    expect(ungated).toEqual([]);
  });

  it("lists no function that does not exist any more", () => {
    const names = new Set(exportedFunctions().map((f) => f.name));
    expect([...NO_DATABASE, ...PUBLIC_BY_CONTRACT, ...BY_SECRET].filter((name) => !names.has(name))).toEqual([]);
  });
});
