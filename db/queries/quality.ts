import "server-only";
import { and, count, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import type { Viewer } from "../access";
import { endOfDayInstant, shiftDate } from "../rules";
import { evidence, statusChanges } from "../schema";
import { atDay, figureSource, idOf, OPEN, referenceDay, scopeWhere, type FigureScope } from "./aggregates";
import type { Quality } from "./stats";

// CONTRACT §1 agreement quality, counted by SQLite like the other figures (./aggregates.ts):
// facts about the agreements themselves, shown beside compliance, never a status.

/** How long an open commitment may go without a status change or accepted evidence. */
const STALE_DAYS = 365;

/**
 * The quality conditions for the scope at its reference day, as SQL over the figure source:
 * what was accepted or changed after the end of that day had not happened yet.
 */
export function qualityConditions(scope: FigureScope) {
  const source = figureSource(scope);
  const id = idOf(source);
  const day = referenceDay(scope.asOf);
  const end = endOfDayInstant(day, appTimeZone()).toISOString();
  const since = endOfDayInstant(shiftDate(day, -STALE_DAYS), appTimeZone()).toISOString();
  const acceptedBetween = (from: string | null) =>
    sql`EXISTS (SELECT 1 FROM ${evidence} WHERE ${evidence.commitmentId} = ${id} AND ${evidence.reviewState} = 'accepted' AND ${evidence.reviewedAt} < ${end}${from === null ? sql`` : sql` AND ${evidence.reviewedAt} >= ${from}`})`;
  // The entry that records a commitment's first status is data entry, not activity: an old acta
  // typed in today is still idle.
  const changedSince = sql`EXISTS (SELECT 1 FROM ${statusChanges} WHERE ${statusChanges.commitmentId} = ${id} AND ${statusChanges.fromStatus} IS NOT NULL AND ${statusChanges.changedAt} >= ${since} AND ${statusChanges.changedAt} < ${end})`;
  return {
    withoutDeadline: sql`${source.dueOn} IS NULL`,
    withoutAcceptedEvidence: sql`NOT ${acceptedBetween(null)}`,
    // A commitment made within the window cannot have been idle for all of it.
    staleOpen: sql`${source.status} IN (${OPEN}) AND ${source.madeOn} <= ${shiftDate(day, -STALE_DAYS)} AND NOT ${changedSince} AND NOT ${acceptedBetween(since)}`,
  } satisfies Record<Exclude<keyof Quality, "total">, SQL>;
}

/** Agreement quality per mesa that has commitments in the scope, at the scope's reference day. */
export function qualityByMesa(viewer: Viewer, scope: FigureScope): Map<number, Quality> {
  const source = figureSource(scope);
  const c = qualityConditions(scope);
  const sum = (condition: SQL) => sql<number>`coalesce(sum(${condition}), 0)`;
  const rows = getDb()
    .select({
      mesaId: source.mesaId,
      total: count(),
      withoutDeadline: sum(c.withoutDeadline),
      withoutAcceptedEvidence: sum(c.withoutAcceptedEvidence),
      staleOpen: sum(c.staleOpen),
    })
    .from(source)
    .where(and(scopeWhere(viewer, scope, source), atDay(scope)))
    .groupBy(source.mesaId)
    .all();
  return new Map(rows.map(({ mesaId, ...q }) => [mesaId, q]));
}

/** The quality of a set of mesas together: every commitment belongs to one mesa. */
export function sumQuality(parts: Iterable<Quality>): Quality {
  const total = emptyQuality();
  for (const q of parts) {
    for (const key of Object.keys(total) as (keyof Quality)[]) total[key] += q[key];
  }
  return total;
}

function emptyQuality(): Quality {
  return { total: 0, withoutDeadline: 0, withoutAcceptedEvidence: 0, staleOpen: 0 };
}
