import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import type { PeriodStatus } from "../enums";
import { elapsedCount } from "../periods";
import { getCommitment } from "../queries/commitment-detail";
import { periodNumberSchema } from "../queries/filters";
import { recurrenceOf } from "../queries/periods";
import { todayIn } from "../rules";
import { commitmentPeriods, evidence, periodStatusChangeEvidence, periodStatusChanges } from "../schema";
import { audit, type Tx } from "./audit";
import { periodStatusSchema, type PeriodStatusInput } from "./commitment-input";
import { editableCommitment } from "./commitments";
import { CommandError, invalid, validate, type FieldIssue } from "./errors";
import { expireFiguresOf } from "./expire-figures";

/** Period numbers reach here from URLs: anything but a positive integer is a 400. */
export function parsePeriodNumber(raw: string): number {
  if (!periodNumberSchema.safeParse(raw).success) {
    throw new CommandError(400, "invalid_parameters", "The period must be a positive integer.", [
      { path: "n", code: "invalid" },
    ]);
  }
  return Number(raw);
}

/**
 * Sets the status of period `n` of a recurring commitment with a reason (CONTRACT §5), appending
 * to that period's history. Only elapsed periods have a status; cited evidence must be the
 * commitment's, for that period or for the whole.
 */
export function setPeriodStatus(viewer: Viewer, id: number, n: number, input: unknown) {
  const current = editableCommitment(viewer, id);
  const data = validate(periodStatusSchema, input);
  const recurrence = recurrenceOf(current);
  if (!recurrence) throw invalid([{ path: "n", code: "not_recurring" }]);
  if (n > elapsedCount(recurrence, todayIn(appTimeZone()))) throw invalid([{ path: "n", code: "period_not_elapsed" }]);

  const db = getDb();
  const citable = new Set(
    data.evidenceIds.length
      ? db
          .select({ id: evidence.id, period: evidence.period })
          .from(evidence)
          .where(and(eq(evidence.commitmentId, id), inArray(evidence.id, data.evidenceIds)))
          .all()
          .filter((e) => e.period === null || e.period === n)
          .map((e) => e.id)
      : [],
  );
  const issues: FieldIssue[] = data.evidenceIds.flatMap((evidenceId, i) =>
    citable.has(evidenceId) ? [] : [{ path: `evidenceIds.${i}`, code: "unknown_evidence" as const }],
  );
  if (issues.length) throw invalid(issues);

  db.transaction((tx) => applyPeriodStatus(tx, viewer!, id, n, data));
  return getCommitment(viewer, id)!;
}

/** The writing half, inside the caller's transaction (accepting evidence may set a period too). */
export function applyPeriodStatus(tx: Tx, viewer: NonNullable<Viewer>, id: number, n: number, data: PeriodStatusInput) {
  const now = new Date().toISOString();
  const period = and(eq(commitmentPeriods.commitmentId, id), eq(commitmentPeriods.n, n));
  const from: PeriodStatus = tx.select().from(commitmentPeriods).where(period).get()?.status ?? "pending";
  tx.insert(commitmentPeriods)
    .values({ commitmentId: id, n, status: data.status })
    .onConflictDoUpdate({ target: [commitmentPeriods.commitmentId, commitmentPeriods.n], set: { status: data.status } })
    .run();
  const change = tx
    .insert(periodStatusChanges)
    .values({
      commitmentId: id,
      n,
      fromStatus: from,
      toStatus: data.status,
      changedBy: viewer.userId,
      changedAt: now,
      reason: data.reason,
    })
    .returning({ id: periodStatusChanges.id })
    .get();
  for (const evidenceId of new Set(data.evidenceIds)) {
    tx.insert(periodStatusChangeEvidence).values({ changeId: change.id, evidenceId }).run();
  }
  expireFiguresOf(tx, id);
  audit(tx, viewer, "commitment.period_status", { type: "commitment", id }, { n, status: from }, { n, ...data });
}
