import "server-only";
import { and, asc, count, eq, inArray, max, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import type { MonitorCommitment, MonitorPage } from "../api-schemas";
import { isOverdue, OPEN_STATUSES, todayIn } from "../rules";
import { periodsOf, recurrenceOf } from "./periods";
import { commitments, evidence, mesas } from "../schema";

export type { MonitorPage };

export const MONITOR_PAGE_SIZE = 25;

/** Open commitments of the viewer's assigned mesas (admins: every mesa); null when none can be. */
function workListWhere(viewer: Viewer): SQL | undefined | null {
  if (!viewer) return null;
  const admin = viewer.role === "admin";
  if (!admin && viewer.mesaIds.length === 0) return null;
  return and(
    visibleCommitments(viewer),
    inArray(commitments.status, [...OPEN_STATUSES]),
    // Being able to read a public commitment of another mesa is not being assigned to it. A
    // monitor or commissioner has a handful of mesas: the list of ids stays short.
    admin ? undefined : inArray(commitments.mesaId, [...viewer.mesaIds]),
  );
}

function select(where: SQL | undefined) {
  return getDb()
    .select({
      id: commitments.id,
      code: commitments.code,
      title: commitments.title,
      mesaName: mesas.name,
      dueOn: commitments.dueOn,
      status: commitments.status,
      visibility: commitments.visibility,
      recurrence: commitments.recurrence,
      startsOn: commitments.startsOn,
      endsOn: commitments.endsOn,
    })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(where)
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["all"]>>[number];

/** The rows with their overdue flag and latest evidence (the viewer is staff of their mesas). */
function withLatestEvidence(viewer: Viewer, rows: Row[]): MonitorCommitment[] {
  const today = todayIn(appTimeZone());
  const ids = rows.map((r) => r.id);
  // NOTE: SQLite takes a bare column of a max() aggregate from the row holding the maximum
  // (https://www.sqlite.org/lang_select.html#bare_columns_in_an_aggregate_query): the state and
  // time of each commitment's newest evidence, read through the evidence_commitment index.
  const latest = ids.length
    ? getDb()
        .select({
          commitmentId: evidence.commitmentId,
          newest: max(evidence.id),
          reviewState: evidence.reviewState,
          submittedAt: evidence.createdAt,
        })
        .from(evidence)
        .where(inArray(evidence.commitmentId, ids))
        .groupBy(evidence.commitmentId)
        .all()
    : [];
  const byCommitment = new Map(
    latest.map(({ commitmentId, reviewState, submittedAt }) => [commitmentId, { reviewState, submittedAt }]),
  );
  const periods = periodsOf(
    viewer,
    rows.map((row) => ({ id: row.id, recurrence: recurrenceOf(row) })),
    today,
  );
  return rows.map(({ recurrence: _, startsOn: __, endsOn: ___, ...row }) => ({
    ...row,
    overdue: isOverdue(row, today),
    latestEvidence: byCommitment.get(row.id) ?? null,
    // The current period first: it is the one a monitor most often reports on.
    periods: (periods.get(row.id) ?? []).toReversed(),
  }));
}

/**
 * The `/monitor` work list, one page at a time (an admin sees every mesa's open commitments):
 * the overdue first, then by the nearest deadline, those without one last.
 */
export function listMonitorCommitments(
  viewer: Viewer,
  { page = 1, pageSize = MONITOR_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
): MonitorPage {
  const where = workListWhere(viewer);
  if (where === null) return { data: [], page: 1, pageSize, total: 0 };
  const total =
    getDb()
      .select({ n: count() })
      .from(commitments)
      .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
      .where(where)
      .get()?.n ?? 0;
  // A page past the end (an old link, a list that shrank) shows the last one.
  const current = Math.max(1, Math.min(page, Math.ceil(total / pageSize)));
  const rows = select(where)
    // Open and due before today is overdue, so the earliest deadlines put the overdue first.
    .orderBy(
      sql`${commitments.dueOn} IS NULL`,
      asc(commitments.dueOn),
      asc(mesas.slug),
      asc(commitments.code),
      asc(commitments.id),
    )
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .all();
  return { data: withLatestEvidence(viewer, rows), page: current, pageSize, total };
}

/** One commitment of the viewer's work list (a link to `/monitor?commitment=ID`), or null. */
export function findMonitorCommitment(viewer: Viewer, id: number): MonitorCommitment | null {
  const where = workListWhere(viewer);
  if (where === null) return null;
  const rows = select(and(where, eq(commitments.id, id))).all();
  return rows.length ? withLatestEvidence(viewer, rows)[0] : null;
}
