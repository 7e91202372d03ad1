import "server-only";
import { and, inArray } from "drizzle-orm";
import { visibleCommitments, type Viewer } from "../access";
import { getDb } from "../client";
import type { PeriodStatus, RecurrenceEvery } from "../enums";
import { elapsedPeriods, isPeriodOverdue, type Recurrence } from "../periods";
import { commitmentPeriods, commitments as commitmentsTable } from "../schema";

export type PeriodDto = { n: number; startsOn: string; dueOn: string; status: PeriodStatus; overdue: boolean };

/** A commitment's recurrence columns as CONTRACT §5 shows them: null, or how often, from and until. */
export function recurrenceOf(row: {
  recurrence: RecurrenceEvery | null;
  startsOn: string | null;
  endsOn: string | null;
}): Recurrence | null {
  return row.recurrence && row.startsOn ? { every: row.recurrence, startsOn: row.startsOn, endsOn: row.endsOn } : null;
}

/**
 * The elapsed periods of each recurring commitment at `today`, oldest first: the status and due
 * date a commissioner set, else `pending` and the period's last day. Only of commitments the
 * viewer can see.
 */
export function periodsOf(viewer: Viewer, commitments: { id: number; recurrence: Recurrence | null }[], today: string) {
  const db = getDb();
  const asked = commitments.filter((c) => c.recurrence !== null);
  const visible = new Set(
    asked.length === 0
      ? []
      : db
          .select({ id: commitmentsTable.id })
          .from(commitmentsTable)
          .where(
            and(
              inArray(
                commitmentsTable.id,
                asked.map((c) => c.id),
              ),
              visibleCommitments(viewer),
            ),
          )
          .all()
          .map((r) => r.id),
  );
  const recurring = asked.filter((c) => visible.has(c.id));
  const result = new Map<number, PeriodDto[]>();
  if (recurring.length === 0) return result;
  const acted = new Map<number, Map<number, { status: PeriodStatus; dueOn: string | null }>>();
  const rows = db
    .select()
    .from(commitmentPeriods)
    .where(
      inArray(
        commitmentPeriods.commitmentId,
        recurring.map((c) => c.id),
      ),
    )
    .all();
  for (const { commitmentId, n, ...row } of rows) {
    if (!acted.has(commitmentId)) acted.set(commitmentId, new Map());
    acted.get(commitmentId)!.set(n, row);
  }
  for (const c of recurring) {
    const byN = acted.get(c.id) ?? new Map();
    const overrides = new Map([...byN].flatMap(([n, row]) => (row.dueOn ? [[n, row.dueOn] as const] : [])));
    result.set(
      c.id,
      elapsedPeriods(c.recurrence!, today, overrides).map(({ n, startsOn, dueOn }) => {
        const status: PeriodStatus = byN.get(n)?.status ?? "pending";
        return { n, startsOn, dueOn, status, overdue: isPeriodOverdue({ status, dueOn }, today) };
      }),
    );
  }
  return result;
}
