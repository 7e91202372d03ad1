import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import type { PartyStanding } from "@/db/queries/stats";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

/** The per-party numbers behind the chart, as an accessible table. */
export function PartyTable({ rows, m, f }: { rows: PartyStanding[]; m: Messages; f: Formatter }) {
  return (
    <TableScroll label={m.overview.partiesTableCaption}>
      <table>
        <caption>{m.overview.partiesTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.common.party}</th>
            <th scope="col" className="num">
              {m.overdue}
            </th>
            <th scope="col" className="num">
              {m.status.broken}
            </th>
            <th scope="col" className="num">
              {m.common.commitments}
            </th>
            <th scope="col" className="num">
              {m.common.complianceRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug}>
              <th scope="row">
                <Link href={`/parties/${row.slug}`}>{row.name}</Link>
              </th>
              <td className="num">{f.number(row.overdue)}</td>
              <td className="num">{f.number(row.broken)}</td>
              <td className="num">{f.number(Object.values(row.counts).reduce((a, b) => a + b, 0))}</td>
              <td className="num">{f.rate(row.complianceRate, m.common.noRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
