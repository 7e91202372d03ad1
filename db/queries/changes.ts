import "server-only";
import { and, asc, eq, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import type { Viewer } from "../access";
import type { ChangedCommitment, Changes } from "../api-schemas";
import { CHANGE_KINDS, type ChangeKind, type Status } from "../enums";
import { endOfDayInstant } from "../rules";
import { commitments, mesas, statusSpans } from "../schema";
import { cachedFigures } from "../cache/figures";
import { OPEN, scopeWhere, type FigureScope } from "./aggregates";

// "What changed" between two days ("before and after a meeting"): the commitments whose state
// at the end of `to` differs from the one at the end of `from`, read from history like `asOf`.
// The dashboards show it and the reports of a period count through it.

export type { Changes };

/**
 * Newly fulfilled: fulfilled at `to`, not at `from`; newly broken likewise; newly overdue:
 * overdue at `to` and not at `from` (its deadline passed in between, or it was reopened).
 * A commitment made in between counts as having had no state at `from`.
 */
export function changesBetween(
  viewer: Viewer,
  scope: Omit<FigureScope, "asOf">,
  from: string,
  to: string,
  limit = 100,
): Changes {
  const before = alias(statusSpans, "before");
  const endFrom = endOfDayInstant(from, appTimeZone()).toISOString();
  const endTo = endOfDayInstant(to, appTimeZone()).toISOString();
  const overdueAt = (span: { status: SQLiteColumn; dueOn: SQLiteColumn }, day: string) =>
    sql`(${span.status} IN (${OPEN}) AND ${span.dueOn} < ${day})`;
  const kind = sql<ChangeKind | null>`CASE
    WHEN ${statusSpans.status} = 'fulfilled' AND ${before.status} IS NOT 'fulfilled' THEN 'fulfilled'
    WHEN ${statusSpans.status} = 'broken' AND ${before.status} IS NOT 'broken' THEN 'broken'
    WHEN ${overdueAt(statusSpans, to)} AND NOT coalesce(${overdueAt(before, from)}, 0) THEN 'overdue'
  END`;

  const changed = getDb()
    .select({
      id: statusSpans.commitmentId,
      kind: sql<ChangeKind>`${kind}`.as("kind"),
      before: sql<Status | null>`${before.status}`.as("before_status"),
      after: sql<Status>`${statusSpans.status}`.as("after_status"),
    })
    .from(statusSpans)
    .leftJoin(
      before,
      and(
        eq(before.commitmentId, statusSpans.commitmentId),
        lte(before.madeOn, from),
        lt(before.fromAt, endFrom),
        or(isNull(before.toAt), gte(before.toAt, endFrom)),
      ),
    )
    .where(
      and(
        scopeWhere(viewer, scope, statusSpans),
        lte(statusSpans.madeOn, to),
        lt(statusSpans.fromAt, endTo),
        or(isNull(statusSpans.toAt), gte(statusSpans.toAt, endTo)),
        sql`${kind} IS NOT NULL`,
      ),
    )
    .as("changed");

  const ranked = getDb()
    .select({
      id: commitments.id,
      code: commitments.code,
      title: commitments.title,
      mesaSlug: sql<string>`${mesas.slug}`.as("mesa_slug"),
      mesaName: sql<string>`${mesas.name}`.as("mesa_name"),
      kind: changed.kind,
      before: changed.before,
      after: changed.after,
      dueOn: commitments.dueOn,
      rank: sql<number>`row_number() OVER (PARTITION BY ${changed.kind} ORDER BY ${mesas.name}, ${commitments.code})`.as(
        "rank",
      ),
      total: sql<number>`count(*) OVER (PARTITION BY ${changed.kind})`.as("total"),
    })
    .from(changed)
    .innerJoin(commitments, eq(commitments.id, changed.id))
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .as("ranked");
  const rows = getDb()
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.kind), asc(ranked.rank))
    .all();

  const newly = Object.fromEntries(
    CHANGE_KINDS.map((k) => [k, { total: 0, items: [] as ChangedCommitment[] }]),
  ) as Changes["newly"];
  for (const { kind: k, rank: _, total, mesaSlug, mesaName, ...item } of rows) {
    newly[k].total = total;
    newly[k].items.push({ ...item, mesa: { slug: mesaSlug, name: mesaName } });
  }
  return { from, to, newly };
}

/** `changesBetween`, cached until a write changes the scope (db/cache). */
export function getChanges(viewer: Viewer, scope: Omit<FigureScope, "asOf">, from: string, to: string) {
  return cachedFigures(`changes:${from}:${to}`, viewer, scope, () => changesBetween(viewer, scope, from, to));
}
