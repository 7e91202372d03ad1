// Hand-written SQL that computes the numbers of the aggregate endpoints, for the public viewer:
// the reference each endpoint's cold time is compared with (issue 7, item 7), and a check that
// the endpoint's figures are right.
import type Database from "better-sqlite3";
import { STATUSES, type Status } from "../db/enums";
import { endOfDayInstant } from "../db/rules";

type Counts = Record<Status, number>;
export type Figures = { counts: Counts; overdue: number; complianceRate: number | null };
export type Scope = { mesaId?: number; partyId?: number };

const OPEN = "('pending', 'in_progress', 'partial')";
const zero = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;
export const rate = (f: { counts: Counts; overdue: number }) => {
  const d = f.counts.fulfilled + f.counts.broken + f.overdue;
  return d === 0 ? null : f.counts.fulfilled / d;
};

function scopeSql(scope: Scope): string {
  return [
    scope.mesaId === undefined ? "" : ` AND c.mesa_id = ${Number(scope.mesaId)}`,
    scope.partyId === undefined
      ? ""
      : ` AND EXISTS (SELECT 1 FROM commitment_parties p WHERE p.commitment_id = c.id AND p.party_id = ${Number(scope.partyId)})`,
  ].join("");
}

/**
 * The status of each commitment: today its own column; as of a day, the status_spans row that
 * held at the end of that day (in the app's time zone), for commitments made by then.
 */
function source(day: string, asOf: boolean, timeZone: string) {
  if (!asOf) return { from: "commitments c", status: "c.status", params: { day } };
  const instant = endOfDayInstant(day, timeZone).toISOString();
  return {
    from: `commitments c JOIN status_spans s ON s.commitment_id = c.id AND s.from_at < @instant
      AND (s.to_at IS NULL OR s.to_at >= @instant) AND c.made_on <= @day`,
    status: "s.status",
    params: { day, instant },
  };
}

type Grouped = { key: number; status: Status; n: number; overdue: number };

function grouped(sqlite: Database.Database, key: string | null, scope: Scope, day: string, asOf: boolean, tz: string) {
  const src = source(day, asOf, tz);
  const keySql = key ?? "0";
  const join = key === "p.party_id" ? " JOIN commitment_parties p ON p.commitment_id = c.id" : "";
  const rows = sqlite
    .prepare(
      `SELECT ${keySql} AS key, ${src.status} AS status, COUNT(*) AS n,
        SUM(${src.status} IN ${OPEN} AND c.due_on IS NOT NULL AND c.due_on < @day) AS overdue
      FROM ${src.from}${join}
      WHERE c.visibility = 'public'${scopeSql(scope)}
      GROUP BY ${key ? `${key}, ` : ""}${src.status}`,
    )
    .all(src.params) as Grouped[];
  const byKey = new Map<number, Figures>();
  for (const row of rows) {
    let f = byKey.get(row.key);
    if (!f) byKey.set(row.key, (f = { counts: zero(), overdue: 0, complianceRate: null }));
    f.counts[row.status] += row.n;
    f.overdue += row.overdue;
  }
  for (const f of byKey.values()) f.complianceRate = rate(f);
  return byKey;
}

/** The last day of each of the 12 months up to `day` (that month ends at `day`), like the app. */
export function monthEnds(day: string): { month: string; end: string }[] {
  const result = [];
  let end = day;
  for (let i = 0; i < 12; i++) {
    result.unshift({ month: end.slice(0, 7), end });
    const [y, m] = end.split("-").map(Number);
    end = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  }
  return result;
}

export type StatsFigures = Figures & {
  byParty: Map<number, Figures>;
  byMonth: { month: string; complianceRate: number | null }[];
};

/** `/api/v1/stats` (with asOf, mesa or party): totals, per party, and the 12-month trend. */
export function rawStats(
  sqlite: Database.Database,
  scope: Scope,
  day: string,
  asOf: boolean,
  tz: string,
): StatsFigures {
  const total = grouped(sqlite, null, scope, day, asOf, tz).get(0) ?? {
    counts: zero(),
    overdue: 0,
    complianceRate: null,
  };
  const byParty = grouped(sqlite, "p.party_id", scope, day, asOf, tz);
  const byMonth = monthEnds(day).map(({ month, end }) => {
    const f = grouped(sqlite, null, scope, end, true, tz).get(0);
    return { month, complianceRate: f ? rate(f) : null };
  });
  return { ...total, byParty, byMonth };
}

/** `/api/v1/mesas`: the same figures per mesa. */
export function rawMesas(sqlite: Database.Database, day: string, tz: string): Map<number, Figures> {
  return grouped(sqlite, "c.mesa_id", {}, day, false, tz);
}

/** Runs `fn` `times` times; the median time in ms and the last result. */
export function timeQuery<T>(fn: () => T, times = 3): { ms: number; result: T } {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    result = fn();
    samples.push(performance.now() - started);
  }
  return { ms: samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)], result };
}
