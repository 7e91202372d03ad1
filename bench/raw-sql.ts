// Hand-written SQL that computes the numbers of the aggregate endpoints, for the public viewer:
// the reference each endpoint's cold time is compared with (issue 7, item 7), and a check that
// the endpoint's figures are right.
import type Database from "better-sqlite3";
import { STATUSES, type Status } from "../db/enums";
import { endOfDayInstant } from "../db/rules";

type Counts = Record<Status, number>;
type Rated = { fulfilled: number; broken: number; overdue: number };
export type Figures = { counts: Counts; overdue: number; rated: Rated; complianceRate: number | null };
export type Scope = { mesaId?: number; partyId?: number };

const OPEN = "('pending', 'in_progress', 'partial')";
const zero = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;
/** CONTRACT §1: one-off commitments, and each elapsed period of a recurring one in its place. */
export const rate = ({ rated }: { rated: Rated }) => {
  const d = rated.fulfilled + rated.broken + rated.overdue;
  return d === 0 ? null : rated.fulfilled / d;
};
const emptyFigures = (): Figures => ({
  counts: zero(),
  overdue: 0,
  rated: { fulfilled: 0, broken: 0, overdue: 0 },
  complianceRate: null,
});

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

type Grouped = { key: number; status: Status; n: number; overdue: number; oneOff: number; oneOffOverdue: number };

function grouped(sqlite: Database.Database, key: string | null, scope: Scope, day: string, asOf: boolean, tz: string) {
  const src = source(day, asOf, tz);
  const keySql = key ?? "0";
  const join = key === "p.party_id" ? " JOIN commitment_parties p ON p.commitment_id = c.id" : "";
  const rows = sqlite
    .prepare(
      `SELECT ${keySql} AS key, ${src.status} AS status, COUNT(*) AS n,
        SUM(${src.status} IN ${OPEN} AND c.due_on IS NOT NULL AND c.due_on < @day) AS overdue,
        SUM(c.recurrence IS NULL) AS oneOff,
        SUM(c.recurrence IS NULL AND ${src.status} IN ${OPEN} AND c.due_on IS NOT NULL AND c.due_on < @day) AS oneOffOverdue
      FROM ${src.from}${join}
      WHERE c.visibility = 'public'${scopeSql(scope)}
      GROUP BY ${key ? `${key}, ` : ""}${src.status}`,
    )
    .all(src.params) as Grouped[];
  const byKey = new Map<number, Figures>();
  for (const row of rows) {
    let f = byKey.get(row.key);
    if (!f) byKey.set(row.key, (f = emptyFigures()));
    f.counts[row.status] += row.n;
    f.overdue += row.overdue;
    if (row.status === "fulfilled" || row.status === "broken") f.rated[row.status] += row.oneOff;
    f.rated.overdue += row.oneOffOverdue;
  }
  for (const p of periods(sqlite, keySql, join, scope, day, asOf, tz)) {
    let f = byKey.get(p.key);
    if (!f) byKey.set(p.key, (f = emptyFigures()));
    f.rated.fulfilled += p.fulfilled;
    f.rated.broken += p.broken;
    f.rated.overdue += p.overdue;
  }
  for (const f of byKey.values()) f.complianceRate = rate(f);
  return byKey;
}

/**
 * The elapsed periods of public recurring commitments made by `day`, by group: how many began
 * (whole months from the start, one period every `step`), the acted-on ones by their status
 * (as of a day: the last change before its end), every other one pending and due on its last day.
 */
function periods(
  sqlite: Database.Database,
  keySql: string,
  join: string,
  scope: Scope,
  day: string,
  asOf: boolean,
  tz: string,
) {
  const instant = endOfDayInstant(day, tz).toISOString();
  const status = asOf
    ? `coalesce((SELECT h.to_status FROM period_status_changes h WHERE h.commitment_id = cp.commitment_id
        AND h.n = cp.n AND h.changed_at < @instant ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), 'pending')`
    : "cp.status";
  return sqlite
    .prepare(
      `WITH r AS MATERIALIZED (
        SELECT c.id, c.mesa_id, c.starts_on, c.ends_on,
          CASE c.recurrence WHEN 'monthly' THEN 1 WHEN 'quarterly' THEN 3 ELSE 12 END AS step,
          min(@day, coalesce(c.ends_on, @day)) AS last,
          coalesce(c.ends_on < @day, 0) AS ended
        FROM commitments c
        WHERE c.recurrence IS NOT NULL AND c.visibility = 'public' AND c.made_on <= @day${scopeSql(scope)}
      ), k AS MATERIALIZED (
        SELECT r.*, ((strftime('%Y', last) - strftime('%Y', starts_on)) * 12 + strftime('%m', last) - strftime('%m', starts_on)
          - (date(starts_on, '+' || ((strftime('%Y', last) - strftime('%Y', starts_on)) * 12 + strftime('%m', last) - strftime('%m', starts_on)) || ' months', 'floor') > last)) / step + 1 AS elapsed
        FROM r WHERE starts_on <= last
      ), a AS (
        SELECT k.id, count(*) AS n, sum(x.st = 'fulfilled') AS f, sum(x.st = 'broken') AS b,
          sum(x.st IN ('pending', 'partial') AND coalesce(x.due_on,
            min(date(k.starts_on, '+' || (x.n * k.step) || ' months', 'floor', '-1 day'), coalesce(k.ends_on, '9999-12-31'))) < @day) AS o,
          max(x.n = k.elapsed) AS cur
        FROM k JOIN (SELECT cp.commitment_id, cp.n, cp.due_on, ${status} AS st FROM commitment_periods cp) x
          ON x.commitment_id = k.id AND x.n <= k.elapsed
        GROUP BY k.id
      )
      SELECT ${keySql.replace("c.", "k.")} AS key, coalesce(sum(a.f), 0) AS fulfilled, coalesce(sum(a.b), 0) AS broken,
        sum(coalesce(a.o, 0) + k.elapsed - coalesce(a.n, 0) - (NOT k.ended AND NOT coalesce(a.cur, 0))) AS overdue
      FROM k LEFT JOIN a ON a.id = k.id${join.replace("c.id", "k.id")}
      GROUP BY 1`,
    )
    .all({ day, instant }) as { key: number; fulfilled: number; broken: number; overdue: number }[];
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
  const total = grouped(sqlite, null, scope, day, asOf, tz).get(0) ?? emptyFigures();
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
