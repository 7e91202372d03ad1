import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { differenceInCalendarDays } from "date-fns";
import { getDb } from "../client";
import type { Viewer } from "../access";
import type { OverdueCommitment } from "../api-schemas";
import { commitments, mesas } from "../schema";
import { atDay, figureSource, idOf, OPEN, referenceDay, scopeWhere, type FigureScope } from "./aggregates";

export type { OverdueCommitment };

/** The scope's commitments overdue longest at the reference day, oldest deadline first. */
export function oldestOverdue(viewer: Viewer, scope: FigureScope, limit = 10): OverdueCommitment[] {
  const source = figureSource(scope);
  const day = referenceDay(scope.asOf);
  let query = getDb()
    .select({
      id: commitments.id,
      code: commitments.code,
      title: commitments.title,
      mesaSlug: mesas.slug,
      mesaName: mesas.name,
      dueOn: sql<string>`${source.dueOn}`,
    })
    .from(source)
    .$dynamic();
  // History rows find their commitment's code and title.
  if (source !== commitments) query = query.innerJoin(commitments, eq(commitments.id, idOf(source)));
  const rows = query
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(
      and(scopeWhere(viewer, scope, source), atDay(scope), sql`${source.status} IN (${OPEN})`, lt(source.dueOn, day)),
    )
    .orderBy(asc(source.dueOn), asc(commitments.id))
    .limit(limit)
    .all();
  return rows.map(({ mesaSlug, mesaName, ...row }) => ({
    ...row,
    mesa: { slug: mesaSlug, name: mesaName },
    daysOverdue: differenceInCalendarDays(new Date(`${day}T00:00:00Z`), new Date(`${row.dueOn}T00:00:00Z`)),
  }));
}
