"use client";

import type { Stats } from "@/db/queries/stats";
import { ChartFigure, type ChartProps } from "./chart-figure";
import styles from "./charts.module.css";
import { MONTHLY_SIZE } from "./geometry";
import { RATE_COLOUR } from "./palette";
import { MonthlyLine } from "./plots";
import { monthlyTable, rowObjects } from "./tables";

/**
 * The compliance rate at the end of each of the last 12 months, as a line with a marker on each
 * month; a month without a rate (nothing due) is a gap, not a zero (issue 8).
 */
export function MonthlyChart({ stats, ...props }: ChartProps & { stats: Pick<Stats, "byMonth"> }) {
  const { labels, locale } = props;
  const table = monthlyTable(stats, labels);
  const l = labels.monthly;
  return (
    <ChartFigure
      {...props}
      id="monthly"
      title={l.title}
      caption={
        <>
          {l.caption}
          <span className={styles.captionNote}>{l.gaps}</span>
        </>
      }
      table={table}
      legend={[{ label: l.complianceRate, fill: RATE_COLOUR, line: true }]}
      size={MONTHLY_SIZE}
      plot={<MonthlyLine data={rowObjects(table)} name={l.complianceRate} noRate={labels.noRate} locale={locale} />}
    />
  );
}
