"use client";

import type { Stats } from "@/db/queries/stats";
import { formatterFor } from "@/i18n/format";
import { ChartFigure, type ChartProps } from "./chart-figure";
import styles from "./charts.module.css";
import { DUE_SOON_COLOUR } from "./palette";
import { stackedBarsSize } from "./geometry";
import { StackedBars } from "./plots";
import { dueSoonTable, rowObjects } from "./tables";

/** Open commitments falling due within 30 and 90 days: two big figures, then as bars (issue 8). */
export function DueSoonChart({ stats, ...props }: ChartProps & { stats: Pick<Stats, "dueSoon"> }) {
  const { labels, locale } = props;
  const table = dueSoonTable(stats, labels);
  const series = [{ key: "commitments", label: labels.dueSoon.commitments, ...DUE_SOON_COLOUR }];
  const { number } = formatterFor(locale, "America/Lima");
  return (
    <ChartFigure
      {...props}
      id="due-soon"
      title={labels.dueSoon.title}
      caption={labels.dueSoon.caption}
      table={table}
      legend={series}
      size={stackedBarsSize(table.rows.length)}
      plot={
        <StackedBars
          data={rowObjects(table)}
          category="period"
          series={series}
          totalKey="commitments"
          locale={locale}
        />
      }
    >
      <p className={styles.bigFigures}>
        {table.rows.map(([period, n]) => (
          <span key={String(period)}>
            <strong>{number(Number(n))}</strong> {period}
          </span>
        ))}
      </p>
    </ChartFigure>
  );
}
