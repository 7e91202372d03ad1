import type { Status } from "@/db/enums";
import type { Counts } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

const ORDER: Status[] = ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"];

/** Totals by status plus overdue and the compliance rate, as a list readers can scan. */
export function StatusTotals({
  counts,
  complianceRate,
  m,
  f,
}: {
  counts: Counts;
  complianceRate: number | null;
  m: Pick<Messages, "status" | "overdue" | "common">;
  f: Formatter;
}) {
  return (
    <ul className="totals">
      {ORDER.map((status) => (
        <li key={status} data-status={status}>
          <span className={`badge badge-${status}`}>{m.status[status]}</span>
          <strong>{f.number(counts[status])}</strong>
        </li>
      ))}
      <li data-status="overdue">
        <span className="badge badge-overdue">{m.overdue}</span>
        <strong>{f.number(counts.overdue)}</strong>
      </li>
      <li data-status="rate">
        <abbr title={m.common.complianceHelp}>{m.common.complianceRate}</abbr>
        <strong>{f.rate(complianceRate, m.common.noRate)}</strong>
      </li>
    </ul>
  );
}
