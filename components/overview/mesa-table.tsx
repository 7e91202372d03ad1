import Link from "next/link";
import { FigureCells } from "@/components/stats/figure-cells";
import { TableScroll } from "@/components/ui/table-scroll";
import type { MesaSort } from "@/db/queries/filters";
import type { MesaListView } from "@/db/queries/mesa-list";
import type { MesaSummary } from "@/db/queries/mesas";
import { fill } from "@/i18n/fill";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

type View = MesaListView<MesaSummary>;

/** Many mesas: a compact table whose sortable headers are links (`?sort=&dir=`). */
export function MesaTable({
  view,
  sortHref,
  m,
  f,
}: {
  view: View;
  /** Where each sortable header's link goes. */
  sortHref: Record<MesaSort, string>;
  m: Messages;
  f: Formatter;
}) {
  const header = (column: MesaSort, label: string, numeric = false) => (
    <SortHeader column={column} label={label} numeric={numeric} view={view} href={sortHref[column]} />
  );
  const caption = fill(m.overview.mesasTableCaption, { total: f.number(view.total) });
  return (
    <TableScroll label={caption}>
      <table className="mesa-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header("name", m.overview.name)}
            {header("region", m.overview.region)}
            <th scope="col">{m.overview.status}</th>
            {header("total", m.common.commitments, true)}
            {header("overdue", m.overdue, true)}
            <th scope="col" className="num">
              {m.status.broken}
            </th>
            {header("rate", m.common.complianceRate, true)}
          </tr>
        </thead>
        <tbody>
          {view.rows.length === 0 ? (
            <tr>
              <td colSpan={7}>{m.overview.noMesas}</td>
            </tr>
          ) : (
            view.rows.map((mesa) => (
              <tr key={mesa.slug}>
                <th scope="row">
                  <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
                </th>
                <td>{mesa.region}</td>
                <td>{m.mesaStatus[mesa.status]}</td>
                <FigureCells figures={mesa} m={m} f={f} />
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SortHeader({
  column,
  label,
  numeric,
  view,
  href,
}: {
  column: MesaSort;
  label: string;
  numeric: boolean;
  view: View;
  href: string;
}) {
  const active = view.sort === column;
  return (
    <th
      scope="col"
      className={numeric ? "num" : undefined}
      aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={href} className="sort-link">
        {label}
        <span aria-hidden="true">{active ? (view.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
      </Link>
    </th>
  );
}
