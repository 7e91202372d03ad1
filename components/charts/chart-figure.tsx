import { useId } from "react";
import type { Locale } from "@/i18n/locales";
import styles from "./charts.module.css";
import { DataTable, type TableSort } from "./data-table";
import { CHART_INK } from "./palette";
import { WhenVisible } from "./when-visible";
import type { ChartId, ChartLabels, ChartTable } from "./tables";

export type LegendItem = { label: string; fill: string; line?: boolean };

/** What every chart takes besides its slice of Stats: plain values, so a server component can render it. */
export type ChartProps = {
  labels: ChartLabels;
  locale: Locale;
  /** `/api/v1/stats.csv?chart=…` with the dashboard's filters. */
  csvHref: string;
  /** The level of the chart's heading on the page (default 2). */
  headingLevel?: 2 | 3 | 4;
};

/**
 * The frame shared by the charts: heading, legend, the drawing, the same numbers as a table,
 * and the CSV download. The drawing is hidden from assistive technology: the table says it all.
 * Its box keeps the drawing's proportions until recharts draws it (in the browser only, see
 * plots.tsx), so nothing moves when it appears.
 */
export function ChartFigure({
  id,
  title,
  caption,
  table,
  sort,
  legend,
  size,
  plot,
  children,
  labels,
  locale,
  csvHref,
  headingLevel = 2,
}: ChartProps & {
  id: ChartId;
  title: string;
  /** The table's caption. */
  caption: React.ReactNode;
  table: ChartTable;
  sort?: TableSort;
  legend: LegendItem[];
  /** The drawing's width and height in SVG units; CSS scales it to the column. */
  size: { width: number; height: number };
  plot: React.ReactNode;
  /** Anything between the heading and the legend (big figures, a note). */
  children?: React.ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  const empty = table.rows.length === 0;
  return (
    <figure className={styles.figure} data-chart={id} aria-labelledby={headingId}>
      <figcaption>
        <Heading id={headingId} className={styles.title}>
          {title}
        </Heading>
      </figcaption>
      {empty ? (
        <p>{labels.noData}</p>
      ) : (
        <>
          {children}
          <ul className={styles.legend}>
            {legend.map((item) => (
              <li key={item.label}>
                <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
                  {item.line ? (
                    <>
                      <line x1="0" y1="6" x2="22" y2="6" stroke={item.fill} strokeWidth="2" />
                      <circle cx="11" cy="6" r="4" fill={item.fill} stroke="#fff" />
                    </>
                  ) : (
                    <rect
                      x="0.5"
                      y="0.5"
                      width="21"
                      height="11"
                      fill={item.fill}
                      stroke={CHART_INK}
                      strokeWidth="0.75"
                    />
                  )}
                </svg>
                {item.label}
              </li>
            ))}
          </ul>
          <WhenVisible
            className={styles.plot}
            style={{ aspectRatio: `${size.width} / ${size.height}`, maxWidth: `${(size.width * 5) / 4}px` }}
          >
            {plot}
          </WhenVisible>
          <DataTable table={table} label={title} caption={caption} locale={locale} noRate={labels.noRate} sort={sort} />
        </>
      )}
      <p className={styles.download}>
        <a href={csvHref} download>
          {labels.download}
        </a>
      </p>
    </figure>
  );
}
