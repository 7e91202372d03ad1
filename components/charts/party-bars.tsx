import type { Formatter } from "@/i18n/format";

export type PartyBar = { name: string; overdue: number; broken: number };

/**
 * Overdue and broken commitments per party as stacked bars, drawn on the server with HTML and CSS:
 * no chart library to download and hydrate (the recharts version cost ~540 ms of blocking time
 * on a phone, issue 7), nothing to serialize for the client, and text that stays readable on a
 * narrow screen. The same numbers are in the table beside it, so the chart is one image to
 * assistive technology.
 */
export function PartyBars({
  data,
  labels,
  f,
}: {
  data: PartyBar[];
  labels: { overdue: string; broken: string; chart: string };
  f: Formatter;
}) {
  const max = Math.max(1, ...data.map((d) => d.overdue + d.broken));
  // The longest bar leaves room for its figures.
  const pct = (n: number) => `${((85 * n) / max).toFixed(2)}%`;
  return (
    <div className="bars" role="img" aria-label={labels.chart}>
      <p className="bars-legend">
        <span className="bars-swatch bar-overdue" /> {labels.overdue} <span className="bars-swatch bar-broken" />{" "}
        {labels.broken}
      </p>
      {data.map((d) => (
        <div key={d.name} className="bars-row">
          <span className="bars-name">{d.name}</span>
          <span className="bars-track">
            {d.overdue > 0 && <span className="bar bar-overdue" style={{ width: pct(d.overdue) }} />}
            {d.broken > 0 && <span className="bar bar-broken" style={{ width: pct(d.broken) }} />}
            <span className="bars-value">
              {f.number(d.overdue)} + {f.number(d.broken)}
            </span>
          </span>
        </div>
      ))}
    </div>
  );
}
