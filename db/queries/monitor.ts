import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import { OPEN_STATUSES, todayIn } from "../rules";
import { commitments, mesas } from "../schema";
import { dtoColumns, toDtos, type CommitmentDto } from "./commitments";

export type MonitorCommitment = CommitmentDto & { mesaName: string };

/**
 * The `/monitor` work list: open commitments of the viewer's assigned mesas (admins: every mesa),
 * the overdue first, then by the nearest deadline, those without one last.
 */
export function listMonitorCommitments(viewer: Viewer): MonitorCommitment[] {
  if (!viewer) return [];
  const admin = viewer.role === "admin";
  if (!admin && viewer.mesaIds.length === 0) return [];
  const today = todayIn(appTimeZone());
  const rows = getDb()
    .select({ ...dtoColumns, mesaName: mesas.name })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(
      and(
        visibleCommitments(viewer),
        inArray(commitments.status, [...OPEN_STATUSES]),
        // Being able to read a public commitment of another mesa is not being assigned to it.
        admin ? undefined : inArray(commitments.mesaId, [...viewer.mesaIds]),
      ),
    )
    // Open and due before today is overdue, so the earliest deadlines put the overdue first.
    .orderBy(sql`${commitments.dueOn} IS NULL`, asc(commitments.dueOn), asc(mesas.slug), asc(commitments.code))
    .all();
  const dtos = toDtos(
    viewer,
    rows.map(({ mesaName: _, ...row }) => row),
    today,
  );
  return dtos.map((dto, i) => ({ ...dto, mesaName: rows[i].mesaName }));
}
