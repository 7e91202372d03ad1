"use client";

import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { formatterFor, LANGUAGE_TAGS } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { MONTHLY_SIZE } from "./geometry";
import { CHART_INK, GRID, RATE_COLOUR } from "./palette";
import type { Cell } from "./tables";

/** The monthly rates as a line with a marker on each month; `null` breaks the line (loaded by plots.tsx). */
export function MonthlyLine({
  data,
  name,
  noRate,
  locale,
}: {
  data: Record<string, Cell>[];
  name: string;
  noRate: string;
  locale: Locale;
}) {
  const percent = (v: number) => formatterFor(locale, "America/Lima").rate(v, noRate);
  const month = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { month: "short", year: "2-digit", timeZone: "UTC" });
  return (
    <LineChart
      {...MONTHLY_SIZE}
      data={data}
      margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis
        dataKey="month"
        padding={{ left: 8, right: 8 }}
        tick={{ fontSize: 11, fill: CHART_INK }}
        tickFormatter={(v: string) => month.format(new Date(`${v}-01T00:00:00Z`))}
        stroke={CHART_INK}
      />
      <YAxis
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        width={44}
        tick={{ fontSize: 11, fill: CHART_INK }}
        tickFormatter={percent}
        stroke={CHART_INK}
      />
      <Line
        dataKey="complianceRate"
        name={name}
        stroke={RATE_COLOUR}
        strokeWidth={2}
        dot={{ r: 4, fill: RATE_COLOUR, stroke: "#fff", strokeWidth: 1 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
