import { CHANGE_KINDS, type ChangeKind } from "@/db/enums";
import type { Changes } from "@/db/queries/changes";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import { CommitmentItem } from "./commitment-item";
import type { DashboardLabels } from "./labels";

const HEADINGS: Record<ChangeKind, "newlyFulfilled" | "newlyBroken" | "newlyOverdue"> = {
  fulfilled: "newlyFulfilled",
  broken: "newlyBroken",
  overdue: "newlyOverdue",
};

/** "What changed" between two days: one list per kind of change. */
export function ChangesPanel({ changes, labels, f }: { changes: Changes; labels: DashboardLabels; f: Formatter }) {
  const d = labels.dashboard;
  return (
    <section aria-labelledby="changes" className="changes">
      <h3 id="changes">{fill(d.changesHeading, { from: f.date(changes.from), to: f.date(changes.to) })}</h3>
      <div className="change-columns">
        {CHANGE_KINDS.map((kind) => {
          const { total, items } = changes.newly[kind];
          return (
            <section key={kind} aria-labelledby={`changes-${kind}`} data-change={kind}>
              <h4 id={`changes-${kind}`}>
                {d[HEADINGS[kind]]} <span className={`badge badge-${kind}`}>{f.number(total)}</span>
              </h4>
              {items.length === 0 ? (
                <p>{d.noChange}</p>
              ) : (
                <ul className="change-list">
                  {items.map((item) => (
                    <CommitmentItem key={item.id} item={item}>
                      <span className="muted">
                        {fill(d.beforeAfter, {
                          before: item.before ? labels.status[item.before] : d.notMadeYet,
                          after: labels.status[item.after],
                        })}
                      </span>
                    </CommitmentItem>
                  ))}
                </ul>
              )}
              {total > items.length && (
                <p className="muted">{fill(d.more, { shown: f.number(items.length), total: f.number(total) })}</p>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
