"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Text, XAxis, YAxis, type LabelProps } from "recharts";
import type { YAxisTickContentProps } from "recharts";
import { formatterFor } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { AXIS, BAR, CHART_WIDTH, MARGIN, PLOT, niceTicks, stackedBarsSize } from "./geometry";
import { CHART_INK, GRID, type Swatch } from "./palette";
import type { Cell } from "./tables";

export type BarSeries = Swatch & { key: string; label: string };

// recharts 3 draws nothing on the server, whatever the size (recharts/recharts#5997): the figures
// load this in the browser only (plots.tsx).

/**
 * Horizontal bars, one per row of a chart's table, stacking `series`: each row's name above its
 * bar, each segment's figure in it where it fits, the row's total (`totalKey`) at the bar's end.
 */
export function StackedBars({
  data,
  category,
  series,
  totalKey,
  locale,
}: {
  data: Record<string, Cell>[];
  category: string;
  series: BarSeries[];
  totalKey: string;
  locale: Locale;
}) {
  const { number } = formatterFor(locale, "America/Lima");
  // The scale is ours rather than recharts' so that a total can be placed at its bar's end even
  // where the last segment is empty (recharts labels no empty segment).
  const ticks = niceTicks(Math.max(1, ...data.map((row) => Number(row[totalKey]))));
  const max = ticks[ticks.length - 1];
  // Called by recharts as a function, not rendered as a component.
  const rowLabels = ({ y, index }: YAxisTickContentProps) => {
    const total = Number(data[index][totalKey]);
    return (
      <g>
        <Text
          x={MARGIN.left}
          y={Number(y) - BAR / 2 - 7}
          width={CHART_WIDTH - MARGIN.left - 4}
          maxLines={2}
          fontSize={12}
          fill={CHART_INK}
        >
          {String(data[index][category])}
        </Text>
        <text
          x={MARGIN.left + 1 + (total / max) * PLOT + 4}
          y={y}
          dominantBaseline="central"
          fontSize={12}
          fill={CHART_INK}
        >
          {number(total)}
        </text>
      </g>
    );
  };
  return (
    <BarChart
      {...stackedBarsSize(data.length)}
      data={data}
      layout="vertical"
      margin={MARGIN}
      barSize={BAR}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis
        type="number"
        domain={[0, max]}
        ticks={ticks}
        height={AXIS}
        tick={{ fontSize: 11, fill: CHART_INK }}
        tickFormatter={(v: number) => number(v)}
        stroke={CHART_INK}
      />
      <YAxis
        type="category"
        dataKey={category}
        // 1 unit wide: recharts draws no ticks (here, the names and totals) on a zero-width axis.
        width={1}
        interval={0}
        axisLine={false}
        tickLine={false}
        tick={rowLabels}
      />
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="all"
          fill={s.fill}
          stroke={CHART_INK}
          strokeWidth={0.5}
          isAnimationActive={false}
        >
          {series.length > 1 && (
            <LabelList dataKey={s.key} fill={s.ink} formatter={(v) => number(Number(v))} content={SegmentLabel} />
          )}
        </Bar>
      ))}
    </BarChart>
  );
}

/** A segment's figure, centred in it, or nothing when the segment is too narrow to hold it. */
function SegmentLabel({ viewBox, value, formatter, fill }: LabelProps & { fill?: string }) {
  if (!viewBox || !("width" in viewBox) || !value) return null;
  const text = String(formatter ? formatter(value) : value);
  const { x, y, width, height } = viewBox;
  if (width < text.length * 7 + 4) return null;
  return (
    <text x={x + width / 2} y={y + height / 2} fill={fill} fontSize={11} textAnchor="middle" dominantBaseline="central">
      {text}
    </text>
  );
}
