import { TableScroll } from "@/components/ui/table-scroll";
import { formatterFor } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import styles from "./charts.module.css";
import type { Cell, ChartTable, Column } from "./tables";

export type TableSort = { by: string; dir: "asc" | "desc"; onSort: (key: string) => void };

/** A chart's numbers as a table: the first column heads each row; counts and rates formatted for the reader. */
export function DataTable({
  table,
  label,
  caption,
  locale,
  noRate,
  sort,
}: {
  table: ChartTable;
  /** Names the table's scrolling region (the chart's title). */
  label: string;
  caption: React.ReactNode;
  locale: Locale;
  noRate: string;
  /** Makes every column header a button sorting by that column. */
  sort?: TableSort;
}) {
  const f = formatterFor(locale, "America/Lima");
  const format = (cell: Cell, column: Column) =>
    column.kind === "rate" ? f.rate(cell as number | null, noRate) : typeof cell === "number" ? f.number(cell) : cell;
  const numeric = (column: Column) => (column.kind === "text" ? undefined : "num");
  return (
    <TableScroll label={label}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => {
              const active = sort?.by === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={numeric(column)}
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {sort ? (
                    <button type="button" className={styles.sort} onClick={() => sort.onSort(column.key)}>
                      {column.label}
                      <span aria-hidden="true" className={styles.arrow}>
                        {active ? (sort.dir === "asc" ? "\u00a0▲" : "\u00a0▼") : "\u00a0↕"}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j} className={numeric(table.columns[j])}>
                    {format(cell, table.columns[j])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
