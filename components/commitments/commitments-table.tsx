import Link from "next/link";
import { OverdueBadge, RestrictedBadge, StatusBadge } from "@/components/ui/badges";
import { TableScroll } from "@/components/ui/table-scroll";
import type { CommitmentDto } from "@/db/queries/commitments";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

export function CommitmentsTable({
  rows,
  total,
  m,
  f,
}: {
  rows: CommitmentDto[];
  total: number;
  m: Messages;
  f: Formatter;
}) {
  if (rows.length === 0) return <p>{m.table.empty}</p>;
  const caption = fill(m.table.caption, { total: f.number(total) });
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.table.code}</th>
            <th scope="col">{m.table.title}</th>
            <th scope="col">{m.table.theme}</th>
            <th scope="col">{m.table.parties}</th>
            <th scope="col">{m.table.dueOn}</th>
            <th scope="col">{m.table.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-testid="commitment-row">
              <td>{c.code}</td>
              <td>
                <Link href={`/commitments/${c.id}`}>{c.title}</Link>{" "}
                {c.visibility === "restricted" && <RestrictedBadge label={m.visibility.restricted} />}
              </td>
              <td>{m.theme[c.theme]}</td>
              <td>{c.responsibleParties.map((p) => p.name).join(", ")}</td>
              <td>{c.dueOn ? f.date(c.dueOn) : m.common.noDeadline}</td>
              <td>
                <StatusBadge status={c.status} label={m.status[c.status]} />{" "}
                {c.overdue && <OverdueBadge label={m.overdue} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
