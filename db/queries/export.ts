import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import type { Viewer } from "../access";
import type { ExportRow } from "../api-schemas";
import { isOverdue, todayIn } from "../rules";
import { commitmentParties, commitments, evidence, mesas, parties, statusChanges } from "../schema";
import { filterWhere } from "./commitments";
import type { CommitmentFilters } from "./filters";
import { matchExpression, searchHits } from "./search";

/** A commitment as the open-data export gives it (CONTRACT §6). */
export type { ExportRow };

const BATCH = 1000;

/**
 * Every commitment the viewer may see that matches the list's filters (all pages), in the list's
 * order, a batch at a time: memory stays flat however many there are. Each batch starts after
 * the last (mesa, code) of the one before, which the (mesa, code) index finds directly; the
 * parties, evidence count and last change are read per row through their indexes.
 */
export function* exportCommitments(
  viewer: Viewer,
  filters: Omit<CommitmentFilters, "page" | "pageSize">,
): Generator<ExportRow[]> {
  const db = getDb();
  const today = todayIn(appTimeZone());
  // The calendar day of an instant in APP_TIMEZONE, for every row: one formatter ("en-CA" writes
  // YYYY-MM-DD); date-fns' per-call time-zone work took seconds over 200,000 rows.
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: appTimeZone(), dateStyle: "short" });
  const match = filters.q ? matchExpression(filters.q) : null;
  if (filters.q && !match) return;
  const hits = match ? searchHits(match) : null;
  const where = and(
    filterWhere(viewer, filters, today),
    hits ? sql`${commitments.id} IN (SELECT ${hits.id} FROM ${hits})` : undefined,
  );
  const partiesOf = sql<
    string | null
  >`(SELECT group_concat(slug, ';') FROM (SELECT ${parties.slug} AS slug FROM ${commitmentParties} JOIN ${parties} ON ${parties.id} = ${commitmentParties.partyId} WHERE ${commitmentParties.commitmentId} = ${commitments.id} ORDER BY ${commitmentParties.isLead} DESC, ${parties.name}))`;
  const leadOf = sql<
    string | null
  >`(SELECT ${parties.slug} FROM ${commitmentParties} JOIN ${parties} ON ${parties.id} = ${commitmentParties.partyId} WHERE ${commitmentParties.commitmentId} = ${commitments.id} AND ${commitmentParties.isLead})`;
  const evidenceCount = sql<number>`(SELECT count(*) FROM ${evidence} WHERE ${evidence.commitmentId} = ${commitments.id} AND ${evidence.reviewState} = 'accepted')`;
  const lastChangeAt = sql<
    string | null
  >`(SELECT max(${statusChanges.changedAt}) FROM ${statusChanges} WHERE ${statusChanges.commitmentId} = ${commitments.id})`;

  const batchAfter = (after: { mesaId: number; code: string } | null) =>
    db
      .select({
        id: commitments.id,
        mesaId: commitments.mesaId,
        mesa: mesas.slug,
        code: commitments.code,
        title: commitments.title,
        theme: commitments.theme,
        parties: partiesOf,
        lead: leadOf,
        madeOn: commitments.madeOn,
        dueOn: commitments.dueOn,
        status: commitments.status,
        evidenceCount,
        lastChangeAt,
      })
      .from(commitments)
      // A CROSS JOIN keeps SQLite on the (mesa, code) index, which gives the batch in order; left
      // to the planner it read every remaining commitment and sorted them, for each batch.
      .crossJoin(mesas)
      .where(
        and(
          eq(mesas.id, commitments.mesaId),
          where,
          after ? sql`(${commitments.mesaId}, ${commitments.code}) > (${after.mesaId}, ${after.code})` : undefined,
        ),
      )
      .orderBy(asc(commitments.mesaId), asc(commitments.code))
      .limit(BATCH)
      .all();

  let after: { mesaId: number; code: string } | null = null;
  for (;;) {
    const rows = batchAfter(after);
    if (rows.length === 0) return;
    yield rows.map(({ mesaId: _, parties: slugs, lastChangeAt: at, ...row }) => ({
      ...row,
      parties: slugs ? slugs.split(";") : [],
      overdue: isOverdue(row, today),
      lastChangeOn: at ? dayOf.format(new Date(at)) : null,
    }));
    const { mesaId, code } = rows[rows.length - 1];
    after = { mesaId, code };
  }
}
