"use client";

import type { Stats } from "@/db/queries/stats";
import { ChartFigure, type ChartProps } from "./chart-figure";
import { STATUS_COLOURS } from "./palette";
import { stackedBarsSize } from "./geometry";
import { StackedBars } from "./plots";
import { STATUSES } from "@/db/enums";
import { rowObjects, statusByMesaTable, type ChartLabels } from "./tables";

export const statusSeries = (labels: ChartLabels) =>
  STATUSES.map((status) => ({ key: status, label: labels.status[status], ...STATUS_COLOURS[status] }));

/** Each mesa's commitments by status, as stacked horizontal bars (issue 8). */
export function StatusByMesaChart({ stats, ...props }: ChartProps & { stats: Pick<Stats, "byMesa"> }) {
  const { labels, locale } = props;
  const table = statusByMesaTable(stats, labels);
  const series = statusSeries(labels);
  return (
    <ChartFigure
      {...props}
      id="status-by-mesa"
      title={labels.statusByMesa.title}
      caption={labels.statusByMesa.caption}
      table={table}
      legend={series}
      size={stackedBarsSize(table.rows.length)}
      plot={<StackedBars data={rowObjects(table)} category="mesa" series={series} totalKey="total" locale={locale} />}
    />
  );
}
