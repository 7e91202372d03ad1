import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { visibleCommitments, type Viewer } from "../access";
import type { HistoryDto } from "../api-schemas";
import { getDb } from "../client";
import type { PeriodStatus } from "../enums";
import { commitments, periodStatusChanges, users } from "../schema";

/** One change of a period's status: which period, from and to what, when, by whom and why. */
export type PeriodHistoryEntry = Pick<HistoryDto, "at" | "by" | "reason"> & {
  n: number;
  from: PeriodStatus;
  to: PeriodStatus;
};

/**
 * The history of a recurring commitment's periods, period by period and oldest first; empty when
 * the viewer may not see the commitment. Like the status history, it names the commissioner:
 * setting a status is a public act.
 */
export function periodHistoryOf(viewer: Viewer, commitmentId: number): PeriodHistoryEntry[] {
  return getDb()
    .select({
      n: periodStatusChanges.n,
      from: periodStatusChanges.fromStatus,
      to: periodStatusChanges.toStatus,
      at: periodStatusChanges.changedAt,
      by: users.name,
      reason: periodStatusChanges.reason,
    })
    .from(periodStatusChanges)
    .innerJoin(commitments, eq(commitments.id, periodStatusChanges.commitmentId))
    .innerJoin(users, eq(users.id, periodStatusChanges.changedBy))
    .where(and(eq(periodStatusChanges.commitmentId, commitmentId), visibleCommitments(viewer)))
    .orderBy(asc(periodStatusChanges.n), asc(periodStatusChanges.changedAt), asc(periodStatusChanges.id))
    .all();
}
