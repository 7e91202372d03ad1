import { TableScroll } from "@/components/ui/table-scroll";
import type { ReportTable } from "./report-tables";

/** One of a report's tables on the page, under its own heading. */
export function ReportTableSection({ table, id, level }: { table: ReportTable; id: string; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="report-section">
      <Heading id={id}>{table.title}</Heading>
      {table.rows.length === 0 ? (
        <p>{table.empty}</p>
      ) : (
        <TableScroll label={table.title}>
          <table>
            <thead>
              <tr>
                {table.head.map(({ label, numeric }) => (
                  <th key={label} scope="col" className={numeric ? "num" : undefined}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} className={table.head[j].numeric ? "num" : undefined}>
                      {cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {table.note && <p className="muted">{table.note}</p>}
    </section>
  );
}
