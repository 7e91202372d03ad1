import { TableScroll } from "@/components/ui/table-scroll";
import type { HistoryDto } from "@/db/queries/commitment-detail";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

export function StatusHistory({ history, m, f }: { history: HistoryDto[]; m: Messages; f: Formatter }) {
  if (history.length === 0) return <p>{m.commitment.noHistory}</p>;
  return (
    <TableScroll label={m.commitment.history}>
      <table data-testid="status-history">
        <thead>
          <tr>
            <th scope="col">{m.commitment.historyWhen}</th>
            <th scope="col">{m.commitment.historyFrom}</th>
            <th scope="col">{m.commitment.historyTo}</th>
            <th scope="col">{m.commitment.historyWho}</th>
            <th scope="col">{m.commitment.historyWhy}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={`${h.at}-${i}`}>
              <td>{f.instant(h.at)}</td>
              <td>{h.from ? m.status[h.from] : m.commitment.created}</td>
              <td>{m.status[h.to]}</td>
              <td>{h.by}</td>
              {/* The first entry's reason is the system's own words, shown in the reader's language. */}
              <td>{h.from === null ? m.commitment.createdReason : h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
