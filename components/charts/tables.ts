import { STATUSES } from "@/db/enums";
import type { PartyStanding, Standing, Stats } from "@/db/queries/stats";
import type { Messages } from "@/i18n/messages/es";

// The numbers behind each dashboard chart as one table: the HTML table under the chart, the
// chart itself and the CSV download (app/api/v1/stats.csv) all read it, so they cannot disagree.
// Pure: no I/O, safe on the server and in the browser.

export const CHART_IDS = ["status-by-mesa", "parties", "monthly", "due-soon", "themes"] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** What the charts print: `m.charts` plus the status and theme names. A plain, serializable object. */
export type ChartLabels = Messages["charts"] & { status: Messages["status"]; theme: Messages["theme"] };

export function chartLabels(m: Messages): ChartLabels {
  return { ...m.charts, status: m.status, theme: m.theme };
}

export type ColumnKind = "text" | "count" | "rate";
export type Column = { key: string; label: string; kind: ColumnKind };
export type Cell = string | number | null;
/** The first column names the row (a mesa, a party, a month…); the others are figures. */
export type ChartTable = { columns: Column[]; rows: Cell[][] };

function statusTable(first: Column, groups: { name: string; standing: Standing }[], labels: ChartLabels): ChartTable {
  return {
    columns: [
      first,
      ...STATUSES.map((status): Column => ({ key: status, label: labels.status[status], kind: "count" })),
      { key: "total", label: labels.total, kind: "count" },
      { key: "overdue", label: labels.parties.overdue, kind: "count" },
      { key: "complianceRate", label: labels.parties.complianceRate, kind: "rate" },
    ],
    rows: groups.map(({ name, standing }) => [
      name,
      ...STATUSES.map((status) => standing.counts[status]),
      standing.total,
      standing.overdue,
      standing.complianceRate,
    ]),
  };
}

export function statusByMesaTable(stats: Pick<Stats, "byMesa">, labels: ChartLabels): ChartTable {
  return statusTable(
    { key: "mesa", label: labels.statusByMesa.mesa, kind: "text" },
    stats.byMesa.map((standing) => ({ name: standing.name, standing })),
    labels,
  );
}

export function themesTable(stats: Pick<Stats, "byTheme">, labels: ChartLabels): ChartTable {
  return statusTable(
    { key: "theme", label: labels.themes.theme, kind: "text" },
    stats.byTheme.map((standing) => ({ name: labels.theme[standing.theme], standing })),
    labels,
  );
}

/** The parties table's columns, which are also what it sorts by. */
export const PARTY_SORTS = ["party", "overdue", "broken", "overdueBroken", "complianceRate", "missedPeriods"] as const;
export type PartySort = (typeof PARTY_SORTS)[number];
export type PartyOrder = { by: PartySort; dir: "asc" | "desc" };

/** Worst first, as `Stats.byParty` comes. */
export const DEFAULT_PARTY_ORDER: PartyOrder = { by: "overdueBroken", dir: "desc" };

/** The direction of a first click, as on the overview's mesa table: figures biggest first, names A→Z, the rate lowest first. */
export const firstDirection = (by: PartySort): PartyOrder["dir"] =>
  by === "party" || by === "complianceRate" ? "asc" : "desc";

/** A party's periods of recurring commitments broken or overdue (CONTRACT §1: each counts like a commitment). */
const missedPeriods = (p: PartyStanding) => p.periods.broken + p.periods.overdue;

const partyValue: Record<Exclude<PartySort, "party">, (p: PartyStanding) => number | null> = {
  overdue: (p) => p.overdue,
  broken: (p) => p.broken,
  overdueBroken: (p) => p.overdue + p.broken,
  complianceRate: (p) => p.complianceRate,
  missedPeriods,
};

/** Parties in the order asked; parties without a rate come last either way, ties go by name. */
export function sortParties(parties: readonly PartyStanding[], order: PartyOrder): PartyStanding[] {
  const byName = (a: PartyStanding, b: PartyStanding) => a.name.localeCompare(b.name, "es");
  const sign = order.dir === "asc" ? 1 : -1;
  if (order.by === "party") return [...parties].sort((a, b) => sign * byName(a, b));
  const value = partyValue[order.by];
  return [...parties].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

export function partiesTable(
  stats: Pick<Stats, "byParty">,
  labels: ChartLabels,
  order: PartyOrder = DEFAULT_PARTY_ORDER,
): ChartTable {
  const l = labels.parties;
  return {
    columns: [
      { key: "party", label: l.party, kind: "text" },
      { key: "overdue", label: l.overdue, kind: "count" },
      { key: "broken", label: l.broken, kind: "count" },
      { key: "overdueBroken", label: l.overdueBroken, kind: "count" },
      { key: "complianceRate", label: l.complianceRate, kind: "rate" },
      { key: "missedPeriods", label: l.missedPeriods, kind: "count" },
    ] satisfies (Column & { key: PartySort })[],
    rows: sortParties(stats.byParty, order).map((p) => [
      p.name,
      p.overdue,
      p.broken,
      p.overdue + p.broken,
      p.complianceRate,
      missedPeriods(p),
    ]),
  };
}

export function monthlyTable(stats: Pick<Stats, "byMonth">, labels: ChartLabels): ChartTable {
  return {
    columns: [
      { key: "month", label: labels.monthly.month, kind: "text" },
      { key: "complianceRate", label: labels.monthly.complianceRate, kind: "rate" },
    ],
    rows: stats.byMonth.map(({ month, complianceRate }) => [month, complianceRate]),
  };
}

export function dueSoonTable(stats: Pick<Stats, "dueSoon">, labels: ChartLabels): ChartTable {
  const l = labels.dueSoon;
  return {
    columns: [
      { key: "period", label: l.period, kind: "text" },
      { key: "commitments", label: l.commitments, kind: "count" },
    ],
    rows: [
      [l.within30, stats.dueSoon.within30],
      [l.within90, stats.dueSoon.within90],
    ],
  };
}

export const CHART_TABLES: Record<ChartId, (stats: Stats, labels: ChartLabels) => ChartTable> = {
  "status-by-mesa": statusByMesaTable,
  parties: partiesTable,
  monthly: monthlyTable,
  "due-soon": dueSoonTable,
  themes: themesTable,
};

/** Rows as objects keyed by column, the shape recharts draws from. */
export function rowObjects(table: ChartTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column.key, row[i]])));
}

/** The CSV's records: the header, then rates as decimals to 4 places and empty where there is none. */
export function csvRecords(table: ChartTable): (string | number)[][] {
  return [
    table.columns.map((column) => column.label),
    ...table.rows.map((row) =>
      row.map((cell, i) =>
        cell === null ? "" : table.columns[i].kind === "rate" ? Math.round(Number(cell) * 10_000) / 10_000 : cell,
      ),
    ),
  ];
}
