import type { OverdueCommitment } from "@/db/queries/overdue";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import { CommitmentItem } from "./commitment-item";
import type { DashboardLabels } from "./labels";

/** The scope's longest overdue commitments, with how long past their deadline. */
export function OverdueList({
  items,
  labels,
  f,
}: {
  items: OverdueCommitment[];
  labels: DashboardLabels;
  f: Formatter;
}) {
  const d = labels.dashboard;
  return (
    <section aria-labelledby="oldest-overdue">
      <h3 id="oldest-overdue">{d.oldestOverdue}</h3>
      {items.length === 0 ? (
        <p>{d.noOverdue}</p>
      ) : (
        <ol className="change-list">
          {items.map((item) => (
            <CommitmentItem key={item.id} item={item}>
              <span className="muted">
                {d.dueOn} {f.date(item.dueOn)} ·{" "}
              </span>
              <strong>{fill(d.daysOverdue, { n: f.number(item.daysOverdue) })}</strong>
            </CommitmentItem>
          ))}
        </ol>
      )}
    </section>
  );
}
