import type { OverdueCommitment } from "@/db/queries/overdue";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
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
            <li key={item.id}>
              <a href={`/commitments/${item.id}`}>
                {item.code} · {item.title}
              </a>{" "}
              <span className="muted">
                {item.mesa.name} · {d.dueOn} {f.date(item.dueOn)} ·{" "}
              </span>
              <strong>{fill(d.daysOverdue, { n: f.number(item.daysOverdue) })}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
