import Link from "next/link";
import { MesaCards } from "@/components/overview/mesa-cards";
import { MesaFilters } from "@/components/overview/mesa-filters";
import { MesaTable } from "@/components/overview/mesa-table";
import { Pagination } from "@/components/ui/pagination";
import { pageViewer } from "@/app/page-viewer";
import { dashboardParamsSchema, firstValues, mesaListParamsSchema, parseLeniently } from "@/db/queries/filters";
import { DashboardSection } from "@/app/dashboard-section";
import { listMesaPage, mesaListQuery, sortHrefs } from "@/db/queries/mesa-list";
import { listMesas } from "@/db/queries/mesas";
import { getI18n } from "@/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The overview. Its URL carries the dashboard's view (`mesa`, `party`, `theme`, `asOf`, `since`)
 * and the mesa list's state (`mq`, `region`, `mstatus`, `sort`, `dir`, `mpage`, `mview`;
 * db/queries/filters.ts): every view is a link.
 */
export default async function OverviewPage({ searchParams }: Props) {
  const [{ m, f }, viewer, raw] = await Promise.all([getI18n(), pageViewer(), searchParams]);
  const query = firstValues(raw);
  const view = listMesaPage(await listMesas(viewer), parseLeniently(mesaListParamsSchema, query));
  const dashboard = parseLeniently(dashboardParamsSchema, query);
  // Each list's links keep the other's state.
  const dashboardQuery = Object.fromEntries(
    Object.entries(dashboard).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

  return (
    <>
      <h1>{m.overview.title}</h1>
      <p className="lead">{m.overview.intro}</p>

      <section aria-labelledby="dashboard">
        <h2 id="dashboard">{m.dashboard.heading}</h2>
        <DashboardSection
          viewer={viewer}
          view={dashboard}
          charts={["parties", "status-by-mesa", "monthly", "due-soon", "themes"]}
          filters={["mesa", "party", "theme"]}
          embed={{ path: "/embed/charts/parties", title: m.overview.partiesHeading }}
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
            <MesaTable view={view} sortHref={sortHrefs(view, dashboardQuery)} m={m} f={f} />
            <Pagination
              path="/"
              params={{ ...mesaListQuery(view.params), ...dashboardQuery }}
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
    </>
  );
}
