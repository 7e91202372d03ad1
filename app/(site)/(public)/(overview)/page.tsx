import Link from "next/link";
import { PartyBars } from "@/components/charts/party-bars";
import { MesaCards } from "@/components/overview/mesa-cards";
import { MesaFilters } from "@/components/overview/mesa-filters";
import { MesaTable } from "@/components/overview/mesa-table";
import { PartyTable } from "@/components/stats/party-table";
import { pageOf } from "@/components/ui/page-of";
import { Pagination } from "@/components/ui/pagination";
import { getViewer } from "@/db/session";
import {
  dashboardParamsSchema,
  firstValues,
  mesaListParamsSchema,
  parseLeniently,
  partyPageParamsSchema,
} from "@/db/queries/filters";
import { DashboardSection } from "../dashboard-section";
import { listMesaPage, mesaListQuery, sortHrefs } from "@/db/queries/mesa-list";
import { listMesas } from "@/db/queries/mesas";
import { getStats } from "@/db/queries/stats";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The chart shows the parties most in arrears; the table pages through all of them. */
const CHART_PARTIES = 10;
const PARTY_PAGE_SIZE = 20;

/**
 * The overview. Its URL carries the mesa list's state (`mq`, `region`, `mstatus`, `sort`, `dir`,
 * `mpage`, `mview`; db/queries/filters.ts) and the party table's page (`ppage`): every view is a link.
 */
export default async function OverviewPage({ searchParams }: Props) {
  const [{ m, f }, viewer, raw] = await Promise.all([getI18n(), getViewer(), searchParams]);
  const query = firstValues(raw);
  const [mesas, stats] = await Promise.all([listMesas(viewer), getStats(viewer)]);
  const view = listMesaPage(mesas, parseLeniently(mesaListParamsSchema, query));
  const failing = stats.byParty.filter((p) => p.overdue + p.broken > 0);
  const { rows: partyRows, page: partyPage } = pageOf(
    failing,
    parseLeniently(partyPageParamsSchema, query).ppage,
    PARTY_PAGE_SIZE,
  );
  const mesaQuery = mesaListQuery(view.params);
  const partyQuery: Record<string, string> = partyPage > 1 ? { ppage: String(partyPage) } : {};
  const { mpage: _, ...mesaFilters } = mesaQuery;

  return (
    <>
      <h1>{m.overview.title}</h1>
      <p className="lead">{m.overview.intro}</p>

      <section aria-labelledby="dashboard">
        <h2 id="dashboard">{m.dashboard.heading}</h2>
        <DashboardSection
          viewer={viewer}
          view={parseLeniently(dashboardParamsSchema, query)}
          filters={["mesa", "party", "theme"]}
          embedPath="/embed/charts/parties"
          embedTitle={m.overview.partiesHeading}
        />
      </section>

      <section aria-labelledby="mesas">
        <h2 id="mesas">{m.overview.mesasHeading}</h2>
        {view.layout === "cards" ? (
          <>
            <MesaCards mesas={view.rows} m={m} f={f} />
            <p>
              <Link href="/?mview=table#mesas">{m.overview.asTable}</Link>
            </p>
          </>
        ) : (
          <>
            <MesaFilters params={view.params} regions={view.regions} m={m} />
            <MesaTable view={view} sortHref={sortHrefs(view, partyQuery)} m={m} f={f} />
            <Pagination
              path="/"
              params={{ ...mesaFilters, ...partyQuery }}
              param="mpage"
              page={view.page}
              pageSize={view.pageSize}
              total={view.total}
              m={m.pagination}
              label={m.overview.mesasPagination}
              fragment="#mesas"
            />
          </>
        )}
      </section>

      <section aria-labelledby="parties">
        <h2 id="parties">{m.overview.partiesHeading}</h2>
        {failing.length === 0 ? (
          <p>{m.overview.noParties}</p>
        ) : (
          <>
            {failing.length > CHART_PARTIES && (
              <p className="muted">{fill(m.overview.partiesChartTop, { n: CHART_PARTIES })}</p>
            )}
            <PartyBars
              data={failing
                .slice(0, CHART_PARTIES)
                .map((p) => ({ name: p.name, overdue: p.overdue, broken: p.broken }))}
              labels={{ overdue: m.overdue, broken: m.status.broken, chart: m.overview.partiesChartLabel }}
              f={f}
            />
            <PartyTable rows={partyRows} m={m} f={f} />
            <Pagination
              path="/"
              params={mesaQuery}
              param="ppage"
              page={partyPage}
              pageSize={PARTY_PAGE_SIZE}
              total={failing.length}
              m={m.pagination}
              label={m.overview.partiesPagination}
              fragment="#parties"
            />
          </>
        )}
      </section>
    </>
  );
}
