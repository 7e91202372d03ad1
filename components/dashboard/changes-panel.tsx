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

/**
 * "What changed" between two days: one list per kind of change. A report shows one per mesa:
 * `idPrefix` keeps their ids apart and `level` sets its heading's rank.
 */
export function ChangesPanel({
  changes,
  labels,
  f,
  idPrefix = "",
  level = 3,
}: {
  changes: Changes;
  labels: DashboardLabels;
  f: Formatter;
  idPrefix?: string;
  level?: 2 | 3;
}) {
  const d = labels.dashboard;
  const [Heading, Subheading] = level === 2 ? (["h2", "h3"] as const) : (["h3", "h4"] as const);
  const id = `${idPrefix}changes`;
  return (
    <section aria-labelledby={id} className="changes">
      <Heading id={id}>{fill(d.changesHeading, { from: f.date(changes.from), to: f.date(changes.to) })}</Heading>
      <div className="change-columns">
        {CHANGE_KINDS.map((kind) => {
          const { total, items } = changes.newly[kind];
          return (
            <section key={kind} aria-labelledby={`${id}-${kind}`} data-change={kind}>
              <Subheading id={`${id}-${kind}`}>
                {d[HEADINGS[kind]]} <span className={`badge badge-${kind}`}>{f.number(total)}</span>
              </Subheading>
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
