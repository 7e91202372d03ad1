import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { CommitmentDetail, EvidenceDto, HistoryDto } from "../api-schemas";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { isStaffOf, type Viewer } from "../access";
import { todayIn } from "../rules";
import { evidence, meetings, statusChangeEvidence, statusChanges, users } from "../schema";
import { findCommitmentRow, toDtos } from "./commitments";
import { evidenceColumns, filesOfEvidence, neutralFileName } from "./evidence";

export type { EvidenceDto, HistoryDto };

/** One commitment with its evidence and history, or null when missing or not visible. */
export function getCommitment(viewer: Viewer, id: number): CommitmentDetail | null {
  const row = findCommitmentRow(viewer, id);
  if (!row) return null;
  const { mesaId, mesaName, meetingId, ...dtoRow } = row;
  const [dto] = toDtos(viewer, [dtoRow], todayIn(appTimeZone()));
  const evidence = evidenceOf(viewer, id, isStaffOf(viewer, mesaId));
  return {
    ...dto,
    mesaName,
    meeting: meetingId === null ? null : meetingNumber(meetingId),
    evidence,
    history: historyOf(id, new Set(evidence.map((e) => e.id))),
  };
}

function meetingNumber(meetingId: number): number | null {
  return getDb().select({ n: meetings.number }).from(meetings).where(eq(meetings.id, meetingId)).get()?.n ?? null;
}

/** The public sees accepted evidence only; staff of the mesa see everything, with submitters. */
function evidenceOf(viewer: Viewer, commitmentId: number, staff: boolean): EvidenceDto[] {
  const db = getDb();
  const rows = db
    .select({
      ...evidenceColumns,
      reviewState: evidence.reviewState,
      reviewNote: evidence.reviewNote,
      submittedBy: users.name,
    })
    .from(evidence)
    .innerJoin(users, eq(users.id, evidence.submittedBy))
    .where(and(eq(evidence.commitmentId, commitmentId), staff ? undefined : eq(evidence.reviewState, "accepted")))
    .orderBy(desc(evidence.observedOn), desc(evidence.id))
    .all();
  const attachments = filesOfEvidence(
    viewer,
    rows.map((r) => r.id),
    { withMetadata: staff },
  );
  return rows.map((row) => ({
    ...row,
    submittedBy: staff ? row.submittedBy : null,
    files: (attachments.get(row.id) ?? []).map((file) =>
      staff ? file : { ...file, name: neutralFileName(file.sha256, file.mimeType) },
    ),
  }));
}

/** Status history; cited evidence is listed only where the viewer can see that evidence. */
function historyOf(commitmentId: number, visibleEvidence: Set<number>): HistoryDto[] {
  const db = getDb();
  const rows = db
    .select({
      id: statusChanges.id,
      from: statusChanges.fromStatus,
      to: statusChanges.toStatus,
      at: statusChanges.changedAt,
      by: users.name,
      reason: statusChanges.reason,
    })
    .from(statusChanges)
    .innerJoin(users, eq(users.id, statusChanges.changedBy))
    .where(eq(statusChanges.commitmentId, commitmentId))
    .orderBy(asc(statusChanges.changedAt), asc(statusChanges.id))
    .all();
  const cited = rows.length
    ? db
        .select({ changeId: statusChangeEvidence.statusChangeId, evidenceId: statusChangeEvidence.evidenceId })
        .from(statusChangeEvidence)
        .where(
          inArray(
            statusChangeEvidence.statusChangeId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return rows.map(({ id, ...change }) => ({
    ...change,
    evidenceIds: cited.filter((c) => c.changeId === id && visibleEvidence.has(c.evidenceId)).map((c) => c.evidenceId),
  }));
}
