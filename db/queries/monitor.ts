import "server-only";
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import { OPEN_STATUSES, todayIn } from "../rules";
import { commitments, mesas } from "../schema";
import { dtoColumns, toDtos, type CommitmentDto } from "./commitments";

export type MonitorCommitment = CommitmentDto & { mesaName: string };
export type MonitorPage = { data: MonitorCommitment[]; page: number; pageSize: number; total: number };

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

function select(viewer: Viewer, where: SQL | undefined) {
  return getDb()
    .select({ ...dtoColumns, mesaName: mesas.name })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(where)
    .$dynamic();
}

function toMonitor(viewer: Viewer, rows: (Parameters<typeof toDtos>[1][number] & { mesaName: string })[]) {
  const dtos = toDtos(
    viewer,
    rows.map(({ mesaName: _, ...row }) => row),
    todayIn(appTimeZone()),
  );
  return dtos.map((dto, i): MonitorCommitment => ({ ...dto, mesaName: rows[i].mesaName }));
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
  const rows = select(viewer, where)
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
  return { data: toMonitor(viewer, rows), page: current, pageSize, total };
}

/** One commitment of the viewer's work list (a link to `/monitor?commitment=ID`), or null. */
export function findMonitorCommitment(viewer: Viewer, id: number): MonitorCommitment | null {
  const where = workListWhere(viewer);
  if (where === null) return null;
  const rows = select(viewer, and(where, eq(commitments.id, id))).all();
  return rows.length ? toMonitor(viewer, rows)[0] : null;
}
