"use client";

import type { Stats } from "@/db/queries/stats";
import { ChartFigure, type ChartProps } from "./chart-figure";
import { stackedBarsSize } from "./geometry";
import { StackedBars } from "./plots";
import { statusSeries } from "./status-by-mesa";
import { rowObjects, themesTable } from "./tables";

/** Each theme's commitments by status, as stacked horizontal bars, most commitments first (issue 8). */
export function ThemesChart({ stats, ...props }: ChartProps & { stats: Pick<Stats, "byTheme"> }) {
  const { labels, locale } = props;
  const table = themesTable(stats, labels);
  const series = statusSeries(labels);
  return (
    <ChartFigure
      {...props}
      id="themes"
      title={labels.themes.title}
      caption={labels.themes.caption}
      table={table}
      legend={series}
      size={stackedBarsSize(table.rows.length)}
      plot={<StackedBars data={rowObjects(table)} category="theme" series={series} totalKey="total" locale={locale} />}
    />
  );
}
