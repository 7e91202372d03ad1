import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { commitments, evidence, statusChangeEvidence, statusChanges, type Commitment } from "../schema";
import { audit, type Tx } from "./audit";
import { expireFiguresOf } from "./expire-figures";
import { statusChangeSchema, type StatusChangeInput } from "./commitment-input";
import { editableCommitment } from "./commitments";
import { invalid, validate, type FieldIssue } from "./errors";

/**
 * Sets a commitment's official status with a reason, appending to its history. `superseded`
 * needs `supersededBy`: another commitment of the same mesa. Cited evidence must be its own.
 */
export function changeStatus(viewer: Viewer, id: number, input: unknown) {
  const current = editableCommitment(viewer, id);
  const data = validate(statusChangeSchema, input);
  const db = getDb();
  const issues: FieldIssue[] = [];

  if (data.status === "superseded") {
    if (data.supersededBy === null) issues.push({ path: "supersededBy", code: "superseded_by_required" });
    else {
      const target = db
        .select({ mesaId: commitments.mesaId, status: commitments.status })
        .from(commitments)
        .where(eq(commitments.id, data.supersededBy))
        .get();
      if (!target || target.mesaId !== current.mesaId || data.supersededBy === id) {
        issues.push({ path: "supersededBy", code: "superseded_by_same_mesa" });
      } else if (target.status === "superseded") {
        // A replacement that is itself replaced would allow chains that loop back.
        issues.push({ path: "supersededBy", code: "superseded_by_superseded" });
      }
    }
  } else if (data.supersededBy !== null) {
    issues.push({ path: "supersededBy", code: "invalid" });
  }

  const cited = new Set(
    data.evidenceIds.length
      ? db
          .select({ id: evidence.id })
          .from(evidence)
          .where(and(eq(evidence.commitmentId, id), inArray(evidence.id, data.evidenceIds)))
          .all()
          .map((e) => e.id)
      : [],
  );
  data.evidenceIds.forEach((evidenceId, i) => {
    if (!cited.has(evidenceId)) issues.push({ path: `evidenceIds.${i}`, code: "unknown_evidence" });
  });
  if (issues.length) throw invalid(issues);

  db.transaction((tx) => applyStatusChange(tx, viewer!, current, data));
  return getCommitment(viewer, id)!;
}

/**
 * The writing half of a status change, inside the caller's transaction, so that another write
 * (accepting evidence, see ./review.ts) and the change commit or roll back together. `data` must
 * already be checked (as `changeStatus` does): this only writes the row, the history entry with
 * its cited evidence, and the audit row.
 */
export function applyStatusChange(
  tx: Tx,
  viewer: NonNullable<Viewer>,
  current: Pick<Commitment, "id" | "status" | "supersededBy">,
  data: StatusChangeInput,
): void {
  const now = new Date().toISOString();
  tx.update(commitments)
    .set({ status: data.status, supersededBy: data.supersededBy, updatedAt: now })
    .where(eq(commitments.id, current.id))
    .run();
  const change = tx
    .insert(statusChanges)
    .values({
      commitmentId: current.id,
      fromStatus: current.status,
      toStatus: data.status,
      changedBy: viewer.userId,
      changedAt: now,
      reason: data.reason,
    })
    .returning({ id: statusChanges.id })
    .get();
  for (const evidenceId of new Set(data.evidenceIds)) {
    tx.insert(statusChangeEvidence).values({ statusChangeId: change.id, evidenceId }).run();
  }
  expireFiguresOf(tx, current.id);
  audit(
    tx,
    viewer,
    "commitment.status",
    { type: "commitment", id: current.id },
    { status: current.status, supersededBy: current.supersededBy },
    data,
  );
}
