import { Dashboard, type DashboardProps } from "@/components/dashboard/dashboard";
import { chartLabels } from "@/components/charts/tables";
import { dashboardLabels } from "@/components/dashboard/labels";
import type { Viewer } from "@/db/access";
import { appTimeZone } from "@/db/config";
import { loadDashboard } from "@/db/queries/dashboard";
import type { DashboardView } from "@/db/queries/filters";
import { listMesaNames } from "@/db/queries/mesas";
import { listParties } from "@/db/queries/parties";
import { getI18n } from "@/i18n/server";
import { siteOrigin } from "@/app/site-origin";

/**
 * The dashboard of a page (overview, mesa, party), rendered with its data on the server; the
 * client component then changes the view without reloading the page.
 */
export async function DashboardSection({
  charts,
  viewer,
  view,
  fixed = {},
  filters,
  embed,
}: {
  charts: DashboardProps["charts"];
  viewer: Viewer;
  view: DashboardView;
  fixed?: DashboardProps["fixed"];
  filters: DashboardProps["filters"];
  /** The /embed/ page showing this dashboard and its title; or, on that page, its kind. */
  embed: { path: string; title: string } | "scorecard" | "chart";
}) {
  const [{ m, locale }, initial, origin] = await Promise.all([
    getI18n(),
    loadDashboard(viewer, {
      ...view,
      // Only the filters this dashboard offers: on a mesa page `party` filters its list instead.
      mesa: fixed.mesa ?? (filters.includes("mesa") ? view.mesa : undefined),
      party: fixed.party ?? (filters.includes("party") ? view.party : undefined),
      theme: filters.includes("theme") ? view.theme : undefined,
    }),
    siteOrigin(),
  ]);
  return (
    <Dashboard
      charts={charts}
      fixed={fixed}
      filters={filters}
      options={{
        mesas: filters.includes("mesa") ? listMesaNames() : [],
        parties: filters.includes("party") ? listParties().map(({ slug, name }) => ({ slug, name })) : [],
      }}
      initial={initial}
      embed={typeof embed === "object" ? { src: `${origin}${embed.path}`, title: embed.title } : embed}
      labels={dashboardLabels(m)}
      chartLabels={chartLabels(m)}
      locale={locale}
      timeZone={appTimeZone()}
    />
  );
}
