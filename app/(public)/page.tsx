import Link from "next/link";
import { PartyBarChart } from "@/components/charts/party-bar-chart";
import { PartyTable } from "@/components/stats/party-table";
import { StatusTotals } from "@/components/stats/status-totals";
import { getViewer } from "@/db/session";
import { countsOf, listMesas } from "@/db/queries/mesas";
import { getStats } from "@/db/queries/stats";
import { getI18n } from "@/i18n/server";

export default async function OverviewPage() {
  const [{ m, f }, viewer] = await Promise.all([getI18n(), getViewer()]);
  const [mesas, stats] = await Promise.all([listMesas(viewer), getStats(viewer)]);
  const failing = stats.byParty.filter((p) => p.overdue + p.broken > 0);

  return (
    <>
      <h1>{m.overview.title}</h1>
      <p className="lead">{m.overview.intro}</p>

      <section aria-labelledby="totals">
        <h2 id="totals">{m.overview.totalsHeading}</h2>
        <StatusTotals counts={countsOf(stats)} complianceRate={stats.complianceRate} m={m} f={f} />
      </section>

      <section aria-labelledby="mesas">
        <h2 id="mesas">{m.overview.mesasHeading}</h2>
        <ul className="cards">
          {mesas.map((mesa) => (
            <li key={mesa.slug} className="card">
              <h3>
                <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
              </h3>
              <dl className="facts">
                <dt>{m.overview.region}</dt>
                <dd>{mesa.region}</dd>
                <dt>{m.overview.status}</dt>
                <dd>{m.mesaStatus[mesa.status]}</dd>
                <dt>{m.common.commitments}</dt>
                <dd>{f.number(mesa.total)}</dd>
                <dt>{m.overdue}</dt>
                <dd>{f.number(mesa.counts.overdue)}</dd>
                <dt>{m.common.complianceRate}</dt>
                <dd>{f.rate(mesa.complianceRate, m.common.noRate)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="parties">
        <h2 id="parties">{m.overview.partiesHeading}</h2>
        <PartyBarChart
          data={failing.map((p) => ({ name: p.name, overdue: p.overdue, broken: p.broken }))}
          labels={{ overdue: m.overdue, broken: m.status.broken, chart: m.overview.partiesChartLabel }}
        />
        <PartyTable rows={failing} m={m} f={f} />
      </section>
    </>
  );
}
