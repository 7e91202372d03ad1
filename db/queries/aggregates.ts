import "server-only";
import { and, count, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Theme } from "../enums";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import { emptyTally, endOfDayInstant, OPEN_STATUSES, shiftDate, todayIn, type PeriodTally, type Tally } from "../rules";
import { commitmentParties, commitmentPeriods, commitments, periodStatusChanges, statusSpans } from "../schema";

// Every figure of CONTRACT §1 (counts by status, overdue, compliance rate) counted by SQLite with
// GROUP BY. db/rules.ts stays the definition: aggregates.test.ts holds this SQL to it.

export type FigureScope = { mesaId?: number; partyId?: number; theme?: Theme; asOf?: string };

/** The day figures are made for: `asOf` when given, else today in APP_TIMEZONE. */
export function referenceDay(asOf?: string): string {
  return asOf ?? todayIn(appTimeZone());
}

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
/** The open statuses as an SQL list, for `status IN (${OPEN})`. */
export const OPEN = inList(OPEN_STATUSES);

/** Where figures read from: the commitments as they are, or their history (status_spans). */
type Source = typeof commitments | typeof statusSpans;
export const idOf = (source: Source) => (source === commitments ? commitments.id : statusSpans.commitmentId);
/** Today's figures read the commitments as they are; `asOf` reads their history. */
export const figureSource = (scope: FigureScope): Source => (scope.asOf === undefined ? commitments : statusSpans);

export function scopeWhere(viewer: Viewer, scope: FigureScope, source: Source): SQL {
  return and(
    visibleCommitments(viewer, source),
    scope.mesaId === undefined ? undefined : eq(source.mesaId, scope.mesaId),
    scope.theme === undefined ? undefined : eq(source.theme, scope.theme),
    // IN rather than EXISTS: SQLite can then start from the party's links, not every commitment.
    scope.partyId === undefined
      ? undefined
      : inArray(
          idOf(source),
          getDb()
            .select({ id: commitmentParties.commitmentId })
            .from(commitmentParties)
            .where(eq(commitmentParties.partyId, scope.partyId)),
        ),
  )!;
}

/** With `asOf`: the spans in force at the end of that day, of commitments made by then. */
export function atDay(scope: FigureScope): SQL | undefined {
  if (scope.asOf === undefined) return undefined;
  const end = endOfDayInstant(scope.asOf, appTimeZone()).toISOString();
  return and(
    lte(statusSpans.madeOn, scope.asOf),
    lt(statusSpans.fromAt, end),
    or(isNull(statusSpans.toAt), gte(statusSpans.toAt, end)),
  );
}

type Grouping = "all" | "mesa" | "party" | "theme";

/** SQL: the commitment (of `source`) recurs. Recurring commitments are few: the list is read once. */
const recurring = (source: Source) =>
  source === commitments
    ? isNotNull(commitments.recurrence)
    : inArray(
        statusSpans.commitmentId,
        getDb().select({ id: commitments.id }).from(commitments).where(isNotNull(commitments.recurrence)),
      );

/**
 * Tallies of the scope's commitments at the end of the reference day, one per group. Today the
 * status is the commitment's own; with `asOf` it is the one its history held then (the span
 * that held at the end of that day), and only commitments made by that day count. The rate
 * counts one-off commitments here, and the recurring ones' elapsed periods (`periodTallies`).
 */
function tallies<K extends number | string = number>(
  viewer: Viewer,
  scope: FigureScope,
  grouping: Grouping,
): Map<K, Tally> {
  const day = referenceDay(scope.asOf);
  const source = figureSource(scope);
  const key = groupKey<K>(source, grouping);
  const overdue = sql`${source.status} IN (${OPEN}) AND ${source.dueOn} < ${day}`;
  const oneOff = sql`NOT (${recurring(source)})`;
  let query = getDb()
    .select({
      key,
      status: source.status,
      n: count(),
      overdue: sql<number>`coalesce(sum(${overdue}), 0)`,
      ratedOverdue: sql<number>`coalesce(sum(${overdue} AND ${oneOff}), 0)`,
      rated: sql<number>`coalesce(sum(${oneOff}), 0)`,
    })
    .from(source)
    .$dynamic();
  if (grouping === "party") {
    query = query.innerJoin(commitmentParties, eq(commitmentParties.commitmentId, idOf(source)));
  }
  const where = and(scopeWhere(viewer, scope, source), atDay(scope));
  // A constant key is not grouped by: SQLite reads a number in GROUP BY as a column position.
  const rows = query
    .where(where)
    .groupBy(...(grouping === "all" ? [source.status] : [key, source.status]))
    .all();

  const result = new Map<K, Tally>();
  const tallyOf = (k: K) => {
    let t = result.get(k);
    if (!t) result.set(k, (t = emptyTally()));
    return t;
  };
  for (const row of rows) {
    const t = tallyOf(row.key);
    t.counts[row.status] += row.n;
    t.total += row.n;
    t.overdue += row.overdue;
    if (row.status === "fulfilled" || row.status === "broken") t.rated[row.status] += row.rated;
    t.rated.overdue += row.ratedOverdue;
  }
  for (const [k, periods] of periodTallies<K>(viewer, scope, grouping)) {
    const t = tallyOf(k);
    t.periods = periods;
    for (const kind of ["fulfilled", "broken", "overdue"] as const) t.rated[kind] += periods[kind];
  }
  return result;
}

function groupKey<K>(source: Source, grouping: Grouping) {
  return {
    all: sql<K>`0`,
    mesa: sql<K>`${source.mesaId}`,
    party: sql<K>`${commitmentParties.partyId}`,
    theme: sql<K>`${source.theme}`,
  }[grouping];
}

const MONTHS_OF = sql.raw(
  `CASE ${"`commitments`.`recurrence`"} WHEN 'monthly' THEN 1 WHEN 'quarterly' THEN 3 ELSE 12 END`,
);

/**
 * SQL: the scope's recurring commitments made by the reference day whose first period has begun,
 * as the table `e` of a WITH clause, each with `elapsed`, its number of periods begun by that day
 * (db/periods.ts: a period every `step` months from the start; SQLite's `floor` keeps a start on
 * the 31st on a shorter month's last day, as date-fns does), and `over`, whether it ended before.
 * Periods are not stored, nor listed one by one: only those a commissioner acted on have a row.
 */
function recurringCommitments(viewer: Viewer, scope: FigureScope): SQL {
  const day = referenceDay(scope.asOf);
  const last = sql`min(${day}, coalesce(${commitments.endsOn}, ${day}))`;
  return sql`
    WITH rc AS (
      SELECT ${commitments.id} AS id, ${commitments.mesaId} AS mesa_id, ${commitments.theme} AS theme,
        ${commitments.startsOn} AS starts_on, ${commitments.endsOn} AS ends_on, ${MONTHS_OF} AS step, ${last} AS last,
        (CAST(strftime('%Y', ${last}) AS INTEGER) - CAST(strftime('%Y', ${commitments.startsOn}) AS INTEGER)) * 12
          + CAST(strftime('%m', ${last}) AS INTEGER) - CAST(strftime('%m', ${commitments.startsOn}) AS INTEGER) AS months
      FROM ${commitments}
      WHERE ${commitments.recurrence} IS NOT NULL AND ${commitments.madeOn} <= ${day}
        AND ${commitments.startsOn} <= ${last}
        AND ${scopeWhere(viewer, { ...scope, asOf: undefined }, commitments)}
    ),
    e AS MATERIALIZED (
      -- The whole months from the start to the last day, less one when that day comes before
      -- the start's day of the month; a period begins every \`step\` of them.
      SELECT *, (months - (date(starts_on, '+' || months || ' months', 'floor') > last)) / step + 1 AS elapsed,
        ends_on IS NOT NULL AND ends_on < ${day} AS over
      FROM rc
    )`;
}

/** SQL: period `n`'s last day, from the columns `starts_on`, `step`, `ends_on` of `t`. */
const lastDayOf = (t: string, n: SQL) =>
  sql`min(date(${sql.raw(t)}.starts_on, '+' || (${n} * ${sql.raw(t)}.step) || ' months', 'floor', '-1 day'), coalesce(${sql.raw(t)}.ends_on, '9999-12-31'))`;

/** SQL: an acted-on period's status at the reference day (with `asOf`: the last change before its end). */
function periodStatus(scope: FigureScope): SQL {
  if (scope.asOf === undefined) return sql`cp.status`;
  const end = endOfDayInstant(scope.asOf, appTimeZone()).toISOString();
  return sql`coalesce((SELECT h.to_status FROM ${periodStatusChanges} h WHERE h.commitment_id = cp.commitment_id AND h.n = cp.n AND h.changed_at < ${end} ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), 'pending')`;
}

/**
 * The elapsed periods (begun by the reference day) of the scope's recurring commitments, by
 * what they count as, per group. Only the periods a commissioner acted on are read: their status
 * and due date. Every other period is pending and due on its last day, so it is overdue unless it
 * is the current one, still running.
 */
export function periodTallies<K extends number | string = number>(
  viewer: Viewer,
  scope: FigureScope,
  grouping: Grouping,
): Map<K, PeriodTally> {
  const day = referenceDay(scope.asOf);
  const key = { all: sql`0`, mesa: sql`e.mesa_id`, party: sql`cpar.party_id`, theme: sql`e.theme` }[grouping];
  const byParty = grouping === "party" ? sql`JOIN ${commitmentParties} cpar ON cpar.commitment_id = e.id` : sql``;
  const rows = getDb().all<{ key: K; total: number; fulfilled: number; broken: number; overdue: number }>(sql`
    ${recurringCommitments(viewer, scope)},
    acted AS (
      SELECT s.id, count(*) AS n, sum(s.status = 'fulfilled') AS fulfilled, sum(s.status = 'broken') AS broken,
        -- The due date only of open periods: most acted-on periods are closed.
        sum(s.status IN ('pending', 'partial') AND coalesce(s.due_on, ${lastDayOf("s", sql`s.n`)}) < ${day}) AS overdue,
        max(s.n = s.elapsed) AS current
      FROM (
        SELECT e.id, e.elapsed, e.starts_on, e.step, e.ends_on, cp.n, cp.due_on, ${periodStatus(scope)} AS status
        FROM e JOIN ${commitmentPeriods} cp ON cp.commitment_id = e.id AND cp.n <= e.elapsed
      ) s
      GROUP BY s.id
    )
    SELECT ${key} AS key, sum(e.elapsed) AS total, coalesce(sum(a.fulfilled), 0) AS fulfilled,
      coalesce(sum(a.broken), 0) AS broken,
      sum(coalesce(a.overdue, 0) + e.elapsed - coalesce(a.n, 0) - (NOT e.over AND NOT coalesce(a.current, 0))) AS overdue
    FROM e LEFT JOIN acted a ON a.id = e.id ${byParty}
    GROUP BY 1
  `);
  return new Map(rows.map(({ key, ...t }) => [key, t]));
}

/**
 * The scope's elapsed periods due from `from` to `to` (both included: the calendar month of the
 * reference day), and how many of them are still open (pending or partial) at that day. Periods
 * last a month at least, so of those not acted on only the last three begun can fall due in it.
 */
export function periodsDueBetween(
  viewer: Viewer,
  scope: FigureScope,
  from: string,
  to: string,
): { total: number; open: number } {
  const row = getDb().get<{ total: number; open: number }>(sql`
    ${recurringCommitments(viewer, scope)},
    due AS (
      SELECT ${periodStatus(scope)} AS status, coalesce(cp.due_on, ${lastDayOf("e", sql`cp.n`)}) AS due
      FROM e JOIN ${commitmentPeriods} cp ON cp.commitment_id = e.id AND cp.n <= e.elapsed
      UNION ALL
      SELECT 'pending', ${lastDayOf("k", sql`k.n`)}
      FROM (
        SELECT e.*, e.elapsed - b.back AS n
        FROM e, (SELECT 0 AS back UNION ALL SELECT 1 UNION ALL SELECT 2) b
        WHERE e.elapsed - b.back >= 1
      ) k
      WHERE NOT EXISTS (SELECT 1 FROM ${commitmentPeriods} cp WHERE cp.commitment_id = k.id AND cp.n = k.n)
    )
    SELECT count(*) AS total, coalesce(sum(status IN (${OPEN})), 0) AS open
    FROM due WHERE due >= ${from} AND due <= ${to}
  `);
  return { total: row?.total ?? 0, open: row?.open ?? 0 };
}

/** The scope's tally at the reference day. */
export function tallyScope(viewer: Viewer, scope: FigureScope): Tally {
  return tallies(viewer, scope, "all").get(0) ?? emptyTally();
}

/** One tally per mesa that has commitments in the scope. */
export function tallyByMesa(viewer: Viewer, scope: FigureScope): Map<number, Tally> {
  return tallies(viewer, scope, "mesa");
}

/** One tally per responsible party; a commitment counts once for each of its parties. */
export function tallyByParty(viewer: Viewer, scope: FigureScope): Map<number, Tally> {
  return tallies(viewer, scope, "party");
}

/** One tally per theme that has commitments in the scope. */
export function tallyByTheme(viewer: Viewer, scope: FigureScope): Map<Theme, Tally> {
  return tallies<Theme>(viewer, scope, "theme");
}

/**
 * Open commitments of the scope at the reference day falling due within each of the given
 * numbers of days from it (due on the day itself included; already overdue excluded).
 */
export function dueWithin(viewer: Viewer, scope: FigureScope, spans: readonly number[]): number[] {
  const day = referenceDay(scope.asOf);
  const source = figureSource(scope);
  const sums = spans.map(
    (n) => sql<number>`coalesce(sum(${source.dueOn} >= ${day} AND ${source.dueOn} <= ${shiftDate(day, n)}), 0)`,
  );
  const row = getDb()
    .select(Object.fromEntries(sums.map((s, i) => [`d${i}`, s])) as Record<string, SQL<number>>)
    .from(source)
    .where(and(scopeWhere(viewer, scope, source), sql`${source.status} IN (${OPEN})`, atDay(scope)))
    .get();
  return spans.map((_, i) => row?.[`d${i}`] ?? 0);
}

/**
 * fulfilled, broken and overdue one-off commitments at the end of each of the given days (sorted),
 * in one pass over status_spans. Each span is reduced to the range of days [a, b) at whose end it
 * counts, as indexes into `days`; the database groups spans by (kind, a, b), and each group
 * adds its size to the days of its range here.
 */
export function countsAtDays(
  viewer: Viewer,
  scope: Omit<FigureScope, "asOf">,
  days: readonly string[],
): { fulfilled: number; broken: number; overdue: number }[] {
  const n = days.length;
  if (n === 0) return [];
  const ends = days.map((d) => endOfDayInstant(d, appTimeZone()).toISOString());
  // The index of the first day at whose end `test(i)` holds; n when none.
  const firstDay = (test: (i: number) => SQL) =>
    sql.join(
      [sql`CASE`, ...days.map((_, i) => sql`WHEN ${test(i)} THEN ${sql.raw(String(i))}`), sql`ELSE ${n} END`],
      sql` `,
    );
  const started = firstDay((i) => sql`${statusSpans.fromAt} < ${ends[i]}`);
  const made = firstDay((i) => sql`${statusSpans.madeOn} <= ${days[i]}`);
  const ended = sql`CASE WHEN ${statusSpans.toAt} IS NULL THEN ${n} ELSE ${firstDay((i) => sql`${statusSpans.toAt} < ${ends[i]}`)} END`;
  const due = sql`CASE WHEN ${statusSpans.dueOn} IS NULL THEN ${n} ELSE ${firstDay((i) => sql`${statusSpans.dueOn} < ${days[i]}`)} END`;
  const open = sql`${statusSpans.status} IN (${OPEN})`;
  const from = sql<number>`max(${started}, ${made}, CASE WHEN ${open} THEN ${due} ELSE 0 END)`;
  const kind = sql<"fulfilled" | "broken" | "overdue">`CASE WHEN ${open} THEN 'overdue' ELSE ${statusSpans.status} END`;

  const rows = getDb()
    .select({ kind, from, to: sql<number>`${ended}`, n: count() })
    .from(statusSpans)
    .where(
      and(
        scopeWhere(viewer, scope, statusSpans),
        sql`${statusSpans.status} IN (${OPEN}, 'fulfilled', 'broken')`,
        // Recurring commitments count by their periods (monthly.ts).
        sql`NOT (${recurring(statusSpans)})`,
        // Spans over before the first day or begun after the last count nowhere.
        or(isNull(statusSpans.toAt), gte(statusSpans.toAt, ends[0])),
        lt(statusSpans.fromAt, ends[n - 1]),
      ),
    )
    // By position: the expressions carry bound parameters, so SQLite would not match them by text.
    .groupBy(sql`1, 2, 3`)
    .all();

  const result = days.map(() => ({ fulfilled: 0, broken: 0, overdue: 0 }));
  for (const row of rows) {
    for (let i = row.from; i < Math.min(row.to, n); i++) result[i][row.kind] += row.n;
  }
  return result;
}
