import { describe, expect, it } from "vitest";
import type { PartyStanding, Stats } from "@/db/queries/stats";
import { en } from "@/i18n/messages/en";
import { es } from "@/i18n/messages/es";
import {
  CHART_IDS,
  CHART_TABLES,
  chartLabels,
  csvRecords,
  partiesTable,
  rowObjects,
  sortParties,
  type PartyOrder,
} from "./tables";

const counts = (
  pending: number,
  in_progress: number,
  partial: number,
  fulfilled: number,
  broken: number,
  superseded: number,
) => ({
  pending,
  in_progress,
  partial,
  fulfilled,
  broken,
  superseded,
});

const party = (
  slug: string,
  overdue: number,
  broken: number,
  complianceRate: number | null,
  periods = { total: 0, fulfilled: 0, broken: 0, overdue: 0 },
): PartyStanding => ({
  slug,
  name: slug.toUpperCase(),
  counts: counts(overdue, 0, 0, 1, broken, 0),
  overdue,
  broken,
  complianceRate,
  periods,
});

const noQuality = { total: 0, withoutDeadline: 0, withoutAcceptedEvidence: 0, staleOpen: 0 };

const stats: Stats = {
  day: "2026-03-15",
  counts: counts(5, 2, 1, 4, 3, 1),
  overdue: 3,
  total: 16,
  complianceRate: 0.4,
  periods: { total: 0, fulfilled: 0, broken: 0, overdue: 0 },
  rated: { fulfilled: 4, broken: 3, overdue: 3 },
  byParty: [
    party("b", 3, 2, 0.25, { total: 6, fulfilled: 2, broken: 1, overdue: 2 }),
    party("a", 1, 4, null),
    party("c", 0, 0, 1, { total: 1, fulfilled: 1, broken: 0, overdue: 0 }),
    party("d", 5, 0, 2 / 3, { total: 4, fulfilled: 0, broken: 4, overdue: 0 }),
  ],
  byMonth: [
    { month: "2026-01", complianceRate: null },
    { month: "2026-02", complianceRate: 1 / 3 },
    { month: "2026-03", complianceRate: 0 },
  ],
  byMesa: [
    {
      slug: "espinar",
      name: "Espinar",
      counts: counts(1, 2, 0, 3, 0, 1),
      overdue: 1,
      total: 7,
      complianceRate: 0.75,
      followUpBody: null,
      quality: noQuality,
    },
    {
      slug: "las-bambas",
      name: "Las Bambas",
      counts: counts(4, 0, 1, 1, 3, 0),
      overdue: 2,
      total: 9,
      complianceRate: 1 / 6,
      followUpBody: "Comité",
      quality: noQuality,
    },
  ],
  byTheme: [
    { theme: "water", counts: counts(3, 1, 1, 2, 2, 0), overdue: 2, total: 9, complianceRate: 1 / 3 },
    { theme: "health", counts: counts(2, 1, 0, 2, 1, 1), overdue: 1, total: 7, complianceRate: 0.5 },
  ],
  dueSoon: { within30: 2, within90: 5 },
  periodsDueThisMonth: { from: "2026-03-01", to: "2026-03-31", total: 2, open: 1 },
  quality: { total: 16, withoutDeadline: 3, withoutAcceptedEvidence: 8, staleOpen: 2 },
  oldestOverdue: [],
};

const es_ = chartLabels(es);

describe("chart tables", () => {
  it("gives every chart a table whose rows have one cell per column", () => {
    for (const id of CHART_IDS) {
      const table = CHART_TABLES[id](stats, es_);
      expect(table.columns[0].kind).toBe("text");
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
  });

  it("breaks down each mesa by status, with its total, overdue and compliance rate", () => {
    const table = CHART_TABLES["status-by-mesa"](stats, es_);
    expect(table.columns.map((c) => c.label)).toEqual([
      "Mesa",
      "Pendiente",
      "En proceso",
      "Cumplido parcialmente",
      "Cumplido",
      "Incumplido",
      "Reemplazado",
      "Total",
      "Vencidos",
      "Tasa de cumplimiento",
    ]);
    expect(table.rows).toEqual([
      ["Espinar", 1, 2, 0, 3, 0, 1, 7, 1, 0.75],
      ["Las Bambas", 4, 0, 1, 1, 3, 0, 9, 2, 1 / 6],
    ]);
  });

  it("names themes in the reader's language", () => {
    expect(CHART_TABLES.themes(stats, es_).rows.map((r) => r[0])).toEqual(["Agua", "Salud"]);
    const table = CHART_TABLES.themes(stats, chartLabels(en));
    expect(table.rows[0]).toEqual(["Water", 3, 1, 1, 2, 2, 0, 9, 2, 1 / 3]);
    expect(table.columns[0].label).toBe("Theme");
  });

  it("keeps months without a rate as null", () => {
    expect(CHART_TABLES.monthly(stats, es_)).toEqual({
      columns: [
        { key: "month", label: "Mes", kind: "text" },
        { key: "complianceRate", label: "Tasa de cumplimiento", kind: "rate" },
      ],
      rows: [
        ["2026-01", null],
        ["2026-02", 1 / 3],
        ["2026-03", 0],
      ],
    });
  });

  it("gives the commitments falling due within 30 and 90 days", () => {
    expect(CHART_TABLES["due-soon"](stats, es_).rows).toEqual([
      ["En 30 días", 2],
      ["En 90 días", 5],
    ]);
  });

  it("lists parties worst first by default, ties by name, as the stats come", () => {
    expect(CHART_TABLES.parties(stats, es_).rows).toEqual([
      ["A", 1, 4, 5, null, 0],
      ["B", 3, 2, 5, 0.25, 3],
      ["D", 5, 0, 5, 2 / 3, 4],
      ["C", 0, 0, 0, 1, 0],
    ]);
  });

  it("gives each party's missed periods (broken + overdue) as the last column, of the table and the CSV", () => {
    const table = CHART_TABLES.parties(stats, es_);
    expect(table.columns.at(-1)).toEqual({
      key: "missedPeriods",
      label: "Periodos incumplidos o vencidos",
      kind: "count",
    });
    expect(csvRecords(CHART_TABLES.parties(stats, chartLabels(en)))[0].at(-1)).toBe("Periods broken or overdue");
    expect(csvRecords(table).map((row) => row.at(-1))).toEqual(["Periodos incumplidos o vencidos", 0, 3, 4, 0]);
  });

  it("sorts parties by each column, without-rate last either way and ties by name", () => {
    const names = (order: PartyOrder) =>
      sortParties(stats.byParty, order)
        .map((p) => p.slug)
        .join("");
    expect(names({ by: "overdue", dir: "desc" })).toBe("dbac");
    expect(names({ by: "overdue", dir: "asc" })).toBe("cabd");
    expect(names({ by: "broken", dir: "desc" })).toBe("abcd");
    expect(names({ by: "overdueBroken", dir: "asc" })).toBe("cabd");
    expect(names({ by: "complianceRate", dir: "asc" })).toBe("bdca");
    expect(names({ by: "complianceRate", dir: "desc" })).toBe("cdba");
    expect(names({ by: "party", dir: "asc" })).toBe("abcd");
    expect(names({ by: "party", dir: "desc" })).toBe("dcba");
    expect(names({ by: "missedPeriods", dir: "desc" })).toBe("dbac");
    expect(partiesTable(stats, es_, { by: "party", dir: "asc" }).rows[0]).toEqual(["A", 1, 4, 5, null, 0]);
  });

  it("gives recharts one object per row, keyed by column", () => {
    expect(rowObjects(CHART_TABLES["due-soon"](stats, es_))).toEqual([
      { period: "En 30 días", commitments: 2 },
      { period: "En 90 días", commitments: 5 },
    ]);
  });

  it("writes CSV records: header labels, rates to 4 decimals, empty where there is no rate", () => {
    expect(csvRecords(CHART_TABLES.monthly(stats, chartLabels(en)))).toEqual([
      ["Month", "Compliance rate"],
      ["2026-01", ""],
      ["2026-02", 0.3333],
      ["2026-03", 0],
    ]);
    expect(csvRecords(CHART_TABLES.parties(stats, es_))[3]).toEqual(["D", 5, 0, 5, 0.6667, 4]);
  });
});
