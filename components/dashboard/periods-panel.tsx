import type { Stats } from "@/db/queries/stats";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { DashboardLabels } from "./labels";

/**
 * The periods of the scope's recurring commitments (CONTRACT §1): how many have elapsed, how they
 * count in the compliance rate, and how many fall due in the day's month. Nothing without them.
 */
export function PeriodsPanel({
  stats,
  labels,
  f,
}: {
  stats: Pick<Stats, "periods" | "periodsDueThisMonth">;
  labels: DashboardLabels;
  f: Formatter;
}) {
  const { periods, periodsDueThisMonth: due } = stats;
  if (periods.total === 0) return null;
  const p = labels.periods;
  return (
    <section aria-labelledby="period-figures">
      <h3 id="period-figures">{p.dashboardHeading}</h3>
      <ul className="totals">
        <li data-periods="total">
          <span>{p.elapsed}</span>
          <strong>{f.number(periods.total)}</strong>
        </li>
        {(["fulfilled", "broken"] as const).map((status) => (
          <li key={status} data-periods={status}>
            <span className={`badge badge-${status}`}>{labels.status[status]}</span>
            <strong>{f.number(periods[status])}</strong>
          </li>
        ))}
        <li data-periods="overdue">
          <span className="badge badge-overdue">{labels.overdue}</span>
          <strong>{f.number(periods.overdue)}</strong>
        </li>
        <li data-periods="dueThisMonth">
          <span>{fill(p.dueInMonth, { month: f.month(due.from) })}</span>
          <strong>{f.number(due.total)}</strong>
          {due.total > 0 && <span className="muted">{fill(p.stillOpen, { n: f.number(due.open) })}</span>}
        </li>
      </ul>
    </section>
  );
}
