import { OverdueBadge } from "@/components/ui/badges";
import { TableScroll } from "@/components/ui/table-scroll";
import type { CommitmentDto } from "@/db/queries/commitments";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * A recurring commitment's elapsed periods as a strip: one column per period, oldest first, its
 * status told by the label and the status's colour (and "overdue" marked), never colour alone.
 * A real table turned sideways (the periods are the columns), so it scrolls within its region
 * on a phone.
 */
export function PeriodStrip({ periods, m, f }: { periods: CommitmentDto["periods"]; m: Messages; f: Formatter }) {
  const p = m.periods;
  if (periods.length === 0) return <p>{p.none}</p>;
  return (
    <TableScroll label={p.caption}>
      <table className="period-strip" data-testid="period-strip">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.period}</th>
            {periods.map((period) => (
              <th key={period.n} scope="col" data-period={period.n}>
                {fill(p.periodName, { n: period.n })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{p.from}</th>
            {periods.map((period) => (
              <td key={period.n}>{f.date(period.startsOn)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{p.dueOn}</th>
            {periods.map((period) => (
              <td key={period.n}>{f.date(period.dueOn)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{p.status}</th>
            {periods.map((period) => (
              <td key={period.n} className={`period-status badge-${period.status}`} data-status={period.status}>
                {m.status[period.status]}
                {period.overdue && (
                  <>
                    {" "}
                    <OverdueBadge label={m.overdue} />
                  </>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
