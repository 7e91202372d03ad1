import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
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
  { recurringOnly = false } = {},
): Generator<ExportRow[]> {
  const db = getDb();
  const today = todayIn(appTimeZone());
  const dayOf = dayInZone(appTimeZone());
  const match = filters.q ? matchExpression(filters.q) : null;
  if (filters.q && !match) return;
  const hits = match ? searchHits(match) : null;
  const where = and(
    filterWhere(viewer, filters, today),
    hits ? sql`${commitments.id} IN (SELECT ${hits.id} FROM ${hits})` : undefined,
    recurringOnly ? isNotNull(commitments.recurrence) : undefined,
  );
  // The slugs, the lead first and marked with a leading "*" (slugs never hold one): one
  // subquery gives both columns.
  const partiesOf = sql<
    string | null
  >`(SELECT group_concat(slug, ';') FROM (SELECT CASE WHEN ${commitmentParties.isLead} THEN '*' ELSE '' END || ${parties.slug} AS slug FROM ${commitmentParties} JOIN ${parties} ON ${parties.id} = ${commitmentParties.partyId} WHERE ${commitmentParties.commitmentId} = ${commitments.id} ORDER BY ${commitmentParties.isLead} DESC, ${parties.name}))`;
  const evidenceCount = sql<number>`(SELECT count(*) FROM ${evidence} WHERE ${evidence.commitmentId} = ${commitments.id} AND ${evidence.reviewState} = 'accepted')`;
  const lastChangeAt = sql<
    string | null
  >`(SELECT max(${statusChanges.changedAt}) FROM ${statusChanges} WHERE ${statusChanges.commitmentId} = ${commitments.id})`;

  // Prepared once: each batch only binds where the last one ended. Mesa ids start at 1, so
  // (0, '') comes before every commitment.
  const batchAfter = db
    .select({
      id: commitments.id,
      mesaId: commitments.mesaId,
      mesa: mesas.slug,
      code: commitments.code,
      title: commitments.title,
      theme: commitments.theme,
      parties: partiesOf,
      madeOn: commitments.madeOn,
      dueOn: commitments.dueOn,
      status: commitments.status,
      recurrence: commitments.recurrence,
      startsOn: commitments.startsOn,
      endsOn: commitments.endsOn,
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
        sql`(${commitments.mesaId}, ${commitments.code}) > (${sql.placeholder("mesaId")}, ${sql.placeholder("code")})`,
      ),
    )
    .orderBy(asc(commitments.mesaId), asc(commitments.code))
    .limit(BATCH)
    .prepare();

  let after = { mesaId: 0, code: "" };
  for (;;) {
    const rows = batchAfter.all(after);
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const slugs = row.parties ? row.parties.split(";") : [];
      const lead = slugs[0]?.startsWith("*") ? slugs[0].slice(1) : null;
      if (lead !== null) slugs[0] = lead;
      return {
        id: row.id,
        mesa: row.mesa,
        code: row.code,
        title: row.title,
        theme: row.theme,
        parties: slugs,
        lead,
        madeOn: row.madeOn,
        dueOn: row.dueOn,
        status: row.status,
        overdue: isOverdue(row, today),
        evidenceCount: row.evidenceCount,
        lastChangeOn: row.lastChangeAt ? dayOf(row.lastChangeAt) : null,
        recurrence: row.recurrence,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      };
    });
    const { mesaId, code } = rows[rows.length - 1];
    after = { mesaId, code };
  }
}

/**
 * The calendar day (YYYY-MM-DD) of ISO instants in a time zone, for every row of an export: one
 * formatter ("en-CA" writes YYYY-MM-DD), and one call per quarter hour seen, since every zone's
 * offset is a whole number of quarter hours. date-fns' per-call zone work took seconds over
 * 200,000 rows; a call per row, one second.
 */
export function dayInZone(timeZone: string): (instant: string) => string {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" });
  const days = new Map<number, string>();
  return (instant) => {
    const date = new Date(instant);
    const quarter = Math.floor(date.getTime() / 900_000);
    let day = days.get(quarter);
    if (day === undefined) {
      day = format.format(date);
      days.set(quarter, day);
    }
    return day;
  };
}
