"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type PartyBar = { name: string; overdue: number; broken: number };

/**
 * Overdue and broken commitments per party. The same numbers are in a table next to it, so
 * the chart is one image to assistive technology rather than a maze of SVG parts.
 */
export function PartyBarChart({
  data,
  labels,
}: {
  data: PartyBar[];
  labels: { overdue: string; broken: string; chart: string };
}) {
  return (
    <div className="chart" role="img" aria-label={labels.chart} style={{ height: 80 + data.length * 34 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
          barCategoryGap={6}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={260} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip />
          <Legend />
          <Bar dataKey="overdue" name={labels.overdue} stackId="a" fill="#b3261e" />
          <Bar dataKey="broken" name={labels.broken} stackId="a" fill="#5f6b7a" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
