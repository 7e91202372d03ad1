import "server-only";
import { and, eq } from "drizzle-orm";
import { requireMesaEditor, requireRole, visibleCommitments, type Viewer } from "../access";
import { getDb } from "../client";
import type { ReviewResult } from "../api-schemas";
import { commitments, evidence } from "../schema";
import { audit } from "./audit";
import { expireFiguresOf } from "./expire-figures";
import { CommandError, invalid, notFound, validate, type FieldIssue } from "./errors";
import { reviewSchema, type ReviewInput } from "./review-input";
import { applyStatusChange } from "./status";
import { applyPeriodStatus } from "./period-status";
import { PERIOD_STATUSES, type PeriodStatus } from "../enums";

const alreadyReviewed = () => new CommandError(409, "conflict", "This evidence has already been reviewed.");

/** Evidence the viewer may review: 404 when its commitment is invisible to them, 403 when not its mesa's editor. */
function reviewableEvidence(viewer: Viewer, id: number) {
  requireRole(viewer, "commissioner");
  // Ids reach here from URLs and Server Action arguments: anything but a positive integer is no id.
  const row =
    Number.isSafeInteger(id) && id > 0
      ? getDb()
          .select({
            commitmentId: evidence.commitmentId,
            reviewState: evidence.reviewState,
            period: evidence.period,
            mesaId: commitments.mesaId,
          })
          .from(evidence)
          .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
          .where(and(eq(evidence.id, id), visibleCommitments(viewer)))
          .get()
      : undefined;
  if (!row) throw notFound("Evidence");
  return { ...row, viewer: requireMesaEditor(viewer, row.mesaId) };
}

function crossFieldIssues(data: ReviewInput, period: number | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Evidence for one period of a recurring commitment sets that period's status.
  if (period !== null && data.setStatus !== null && !(PERIOD_STATUSES as readonly string[]).includes(data.setStatus)) {
    issues.push({ path: "setStatus", code: "invalid_choice" });
  }
  if (data.note === null && (data.decision === "rejected" || data.setStatus !== null)) {
    issues.push({ path: "note", code: "required" });
  }
  if (data.setStatus !== null && data.decision === "rejected") {
    issues.push({ path: "setStatus", code: "status_needs_acceptance" });
  } else if (data.setStatus === "superseded") {
    // Superseding needs a replacement commitment, which a review does not name: that is
    // the status form's job (db/commands/status.ts).
    issues.push({ path: "setStatus", code: "superseded_not_in_review" });
  }
  return issues;
}

/**
 * Accepts or rejects submitted evidence (commissioner of its mesa, or admin), optionally setting
 * the commitment's status in the same step (or, for evidence of one period of a recurring
 * commitment, that period's): everything is written in one transaction, or nothing.
 */
export function reviewEvidence(viewer: Viewer, id: number, input: unknown): ReviewResult {
  const { commitmentId, reviewState, period, viewer: reviewer } = reviewableEvidence(viewer, id);
  if (reviewState !== "submitted") throw alreadyReviewed();
  const data = validate(reviewSchema, input);
  const issues = crossFieldIssues(data, period);
  if (issues.length) throw invalid(issues);

  return getDb().transaction((tx) => {
    const now = new Date().toISOString();
    // Only a still-submitted row is updated, so of two reviews racing one wins and the other is a 409.
    const { changes } = tx
      .update(evidence)
      .set({ reviewState: data.decision, reviewNote: data.note, reviewedBy: reviewer.userId, reviewedAt: now })
      .where(and(eq(evidence.id, id), eq(evidence.reviewState, "submitted")))
      .run();
    if (changes === 0) throw alreadyReviewed();
    audit(tx, reviewer, "evidence.review", { type: "evidence", id }, { reviewState: "submitted" }, data);

    const commitment = tx
      .select({ id: commitments.id, status: commitments.status, supersededBy: commitments.supersededBy })
      .from(commitments)
      .where(eq(commitments.id, commitmentId))
      .get()!;
    if (data.setStatus !== null && period !== null) {
      applyPeriodStatus(tx, reviewer, commitmentId, period, {
        status: data.setStatus as PeriodStatus,
        reason: data.note!,
        evidenceIds: [id],
      });
    } else if (data.setStatus !== null) {
      applyStatusChange(tx, reviewer, commitment, {
        status: data.setStatus,
        reason: data.note!,
        evidenceIds: [id],
        supersededBy: null,
      });
    } else if (data.decision === "accepted") {
      // Accepted evidence moves the agreement-quality figures (db/queries/quality.ts).
      expireFiguresOf(tx, commitmentId);
    }
    return {
      id,
      reviewState: data.decision,
      reviewNote: data.note,
      commitment: {
        id: commitmentId,
        status: period === null ? (data.setStatus ?? commitment.status) : commitment.status,
      },
    };
  });
}
