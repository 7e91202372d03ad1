import { TableScroll } from "@/components/ui/table-scroll";
import type { PeriodHistoryEntry } from "@/db/queries/period-history";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/** Every change of a period's status, period by period: when, from and to what, who and why. */
export function PeriodHistory({ history, m, f }: { history: PeriodHistoryEntry[]; m: Messages; f: Formatter }) {
  const p = m.periods;
  if (history.length === 0) return <p>{p.noHistory}</p>;
  const c = m.commitment;
  return (
    <TableScroll label={p.history}>
      <table data-testid="period-history">
        <thead>
          <tr>
            <th scope="col">{p.period}</th>
            <th scope="col">{c.historyWhen}</th>
            <th scope="col">{c.historyFrom}</th>
            <th scope="col">{c.historyTo}</th>
            <th scope="col">{c.historyWho}</th>
            <th scope="col">{c.historyWhy}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={`${h.n}-${h.at}-${i}`}>
              <th scope="row">{fill(p.periodName, { n: h.n })}</th>
              <td>{f.instant(h.at)}</td>
              <td>{m.status[h.from]}</td>
              <td>{m.status[h.to]}</td>
              <td>{h.by}</td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
