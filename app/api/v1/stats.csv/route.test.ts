import { beforeAll, describe, expect, it, vi } from "vitest";
import { appTimeZone } from "@/db/config";
import { getStats } from "@/db/queries/stats";
import { shiftDate, todayIn } from "@/db/rules";
import { makeCommitment, makeMesa, makeParty } from "@/db/testing/fixtures";
import { GET } from "./route";

// Outside a Next.js request there are no cookies or session: the reader is the public, and the
// language comes from this jar.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));
vi.mock("@/db/session", () => ({ getViewer: async () => null }));

const today = todayIn(appTimeZone());
const BOM = "\uFEFF";

async function csv(query: string, locale = "es") {
  jar.set("locale", locale);
  const response = await GET(new Request(`http://test.local/api/v1/stats.csv?${query}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // response.text() would drop the BOM; keep it to check it is there.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  // No cell of these fixtures holds a comma, quote or line break, so a split parses it.
  const records = text
    .replace(BOM, "")
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","));
  return { response, text, records };
}

beforeAll(() => {
  const mesa = makeMesa("alpha");
  const other = makeMesa("beta");
  const company = makeParty("company", "company");
  const region = makeParty("region", "regional_government");
  makeCommitment({ mesaId: mesa.id, partyIds: [company.id], status: "fulfilled" });
  makeCommitment({ mesaId: mesa.id, partyIds: [company.id, region.id], status: "broken" });
  makeCommitment({ mesaId: mesa.id, partyIds: [region.id], status: "pending", dueOn: shiftDate(today, -3) });
  makeCommitment({ mesaId: mesa.id, partyIds: [region.id], status: "in_progress", dueOn: shiftDate(today, 10) });
  makeCommitment({ mesaId: other.id, partyIds: [company.id], status: "partial", dueOn: shiftDate(today, 60) });
});

describe("GET /api/v1/stats.csv", () => {
  it("answers a UTF-8 CSV with a BOM, named after the chart and the day", async () => {
    const { response, text } = await csv("chart=due-soon");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="due-soon-${today}.csv"`);
    expect(text.startsWith(BOM)).toBe(true);
  });

  it("writes the same numbers as getStats, with the header in the reader's language", async () => {
    const stats = await getStats(null);
    const { records } = await csv("chart=due-soon");
    expect(records).toEqual([
      ["Plazo", "Compromisos abiertos"],
      ["En 30 días", String(stats.dueSoon.within30)],
      ["En 90 días", String(stats.dueSoon.within90)],
    ]);
    expect(stats.dueSoon).toEqual({ within30: 1, within90: 2 });

    const mesas = await csv("chart=status-by-mesa", "en");
    expect(mesas.records[0]).toEqual([
      "Dialogue table",
      "Pending",
      "In progress",
      "Partly fulfilled",
      "Fulfilled",
      "Broken",
      "Superseded",
      "Total",
      "Overdue",
      "Compliance rate",
    ]);
    expect(mesas.records.slice(1)).toEqual(
      stats.byMesa.map((m) => [
        m.name,
        ...Object.values(m.counts).map(String),
        String(m.total),
        String(m.overdue),
        m.complianceRate === null ? "" : String(Number(m.complianceRate.toFixed(4))),
      ]),
    );
  });

  it("writes rates as decimals to 4 places, and nothing where there is no rate", async () => {
    const stats = await getStats(null);
    const { records } = await csv("chart=parties", "en");
    expect(records[0]).toEqual([
      "Party",
      "Overdue",
      "Broken",
      "Overdue + broken",
      "Compliance rate",
      "Periods broken or overdue",
    ]);
    const region = stats.byParty.find((p) => p.slug === "region")!;
    // region: one broken, one overdue → 0 / 2.
    expect(records).toContainEqual(["Party region", "1", "1", "2", "0", "0"]);
    expect(region.complianceRate).toBe(0);
    // company: one fulfilled, one broken → 1 / 2.
    expect(records).toContainEqual(["Party company", "0", "1", "1", "0.5", "0"]);
    const monthly = await csv("chart=monthly&asOf=2020-01-31");
    expect(monthly.records[1]).toEqual(["2019-02", ""]);
    expect(monthly.response.headers.get("content-disposition")).toContain('filename="monthly-2020-01-31.csv"');
  });

  it("applies the same filters as /stats", async () => {
    const { records } = await csv("chart=themes&mesa=beta");
    expect(records.slice(1)).toEqual([["Agua", "0", "0", "1", "0", "0", "0", "1", "0", ""]]);
  });

  it("answers 400 naming a bad or missing chart, a bad date or an unknown mesa", async () => {
    for (const [query, path] of [
      ["chart=pie", "chart"],
      ["", "chart"],
      ["chart=monthly&asOf=yesterday", "asOf"],
      ["chart=monthly&mesa=nowhere", "mesa"],
    ]) {
      const response = await GET(new Request(`http://test.local/api/v1/stats.csv?${query}`));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues[0].path).toBe(path);
    }
  });
});
