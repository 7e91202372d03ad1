"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type ComponentType } from "react";
import type { ChartProps } from "@/components/charts/chart-figure";
import { DueSoonChart } from "@/components/charts/due-soon";
import { MonthlyChart } from "@/components/charts/monthly";
import { PartiesChart } from "@/components/charts/parties";
import { StatusByMesaChart } from "@/components/charts/status-by-mesa";
import type { ChartId, ChartLabels } from "@/components/charts/tables";
import { ThemesChart } from "@/components/charts/themes";
import type { Changes } from "@/db/queries/changes";
import type { Stats } from "@/db/queries/stats";
import type { QualityFilter } from "@/db/enums";
import { changesQuery, searchOf, statsQuery, type DashboardParams } from "@/components/query/queries";
import { StatusTotals } from "@/components/stats/status-totals";
import { formatterFor } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Locale } from "@/i18n/locales";
import { ChangesPanel } from "./changes-panel";
import { DashboardFilters } from "./dashboard-filters";
import { EmbedSnippet } from "./embed-snippet";
import type { DashboardLabels } from "./labels";
import { OverdueList } from "./overdue-list";
import { PeriodsPanel } from "./periods-panel";
import { QualityPanel } from "./quality-panel";
import { viewOf, withView, type ScopeFilter, type View } from "./view";

const CHARTS: Record<ChartId, ComponentType<ChartProps & { stats: Stats }>> = {
  "status-by-mesa": StatusByMesaChart,
  parties: PartiesChart,
  monthly: MonthlyChart,
  "due-soon": DueSoonChart,
  themes: ThemesChart,
};

export type DashboardProps = {
  /** The charts of this dashboard, in order. */
  charts: readonly ChartId[];
  /** The page's own scope: a mesa page fixes its mesa, a party page its party. */
  fixed: { mesa?: string; party?: string };
  /** Which scope filters the reader may change here. */
  filters: readonly ScopeFilter[];
  options: { mesas: { slug: string; name: string }[]; parties: { slug: string; name: string }[] };
  /** What the server rendered the first view with, so that it needs no fetch. */
  initial: { stats: Stats; statsParams: DashboardParams; changes: Changes | null };
  /**
   * On a page of the site: the /embed/ page of this dashboard (absolute) and its title, for the
   * snippet. Embedded (app/embed): "scorecard" (no filters, no snippet) or "chart" (charts only).
   */
  embed: { src: string; title: string } | "scorecard" | "chart";
  labels: DashboardLabels;
  chartLabels: ChartLabels;
  locale: Locale;
  timeZone: string;
};

/**
 * A dashboard: figures, quality, charts and "what changed" for a scope and a day. Its view lives
 * in the URL; changing a filter replaces the URL (no reload) and TanStack Query fetches the
 * figures for the new view, keeping the previous ones on screen until they arrive.
 */
export function Dashboard({
  charts,
  fixed,
  filters,
  options,
  initial,
  embed,
  labels,
  chartLabels,
  locale,
  timeZone,
}: DashboardProps) {
  const path = usePathname();
  const search = useSearchParams();
  const view = useMemo(() => viewOf(new URLSearchParams(search.toString())), [search]);
  const f = useMemo(() => formatterFor(locale, timeZone), [locale, timeZone]);
  const d = labels.dashboard;

  // Until the reader changes the view, it is the one the server rendered: the server has already
  // dropped what it could not use (a slug naming nothing, an impossible date).
  const [changed, setChanged] = useState(false);
  const statsParams: DashboardParams = changed
    ? {
        mesa: fixed.mesa ?? (filters.includes("mesa") ? view.mesa : undefined),
        party: fixed.party ?? (filters.includes("party") ? view.party : undefined),
        theme: filters.includes("theme") ? view.theme : undefined,
        asOf: view.asOf,
      }
    : initial.statsParams;
  const { asOf, ...scope } = statsParams;
  const since = changed ? view.since : initial.changes?.from;
  const sameAsServer = searchOf(statsParams) === searchOf(initial.statsParams);
  const stats = useQuery({
    ...statsQuery(statsParams),
    initialData: sameAsServer ? initial.stats : undefined,
    placeholderData: keepPreviousData,
  });
  const to = asOf ?? stats.data?.day;
  const changesParams = since && to && since <= to ? { ...scope, from: since, to: asOf } : null;
  const changes = useQuery({
    ...changesQuery(changesParams ?? { from: "" }),
    enabled: changesParams !== null,
    initialData: (sameAsServer && initial.changes?.from === since && initial.changes) || undefined,
    placeholderData: keepPreviousData,
  });

  // The form's inputs are the user's while they edit; they are reset from the URL only when the
  // view changes otherwise (back and forward, the reset link).
  const [formKey, setFormKey] = useState(0);
  useEffect(() => {
    const remount = () => {
      setFormKey((k) => k + 1);
      setChanged(true);
    };
    window.addEventListener("popstate", remount);
    return () => window.removeEventListener("popstate", remount);
  }, []);
  const owned = [...filters, "asOf", "since"] as const;
  const change = (next: View, remount = false) => {
    if (withView("", next, owned) === withView("", view, owned)) return;
    // Next.js keeps useSearchParams in step with the history API: no navigation, no reload. Only
    // this dashboard's keys change: on a mesa page `party` and `theme` are the table's.
    window.history.pushState(null, "", `${path}${withView(window.location.search, next, owned)}#dashboard`);
    setChanged(true);
    if (remount) setFormKey((k) => k + 1);
  };

  const data = stats.data;
  const fetching = stats.isFetching || changes.isFetching;
  // The lists show today: a past day's figures are not links to them.
  const listHref = asOf
    ? null
    : (mesaSlug: string, fact: QualityFilter) =>
        `/mesas/${mesaSlug}?${searchOf({ quality: fact, party: scope.party, theme: scope.theme })}#commitments`;

  const chartList = data && (
    <div className="dashboard-charts">
      {charts.map((id) => {
        const Chart = CHARTS[id];
        return (
          <Chart
            key={id}
            stats={data}
            labels={chartLabels}
            locale={locale}
            csvHref={`/api/v1/stats.csv?${searchOf({ chart: id, ...statsParams })}`}
            headingLevel={embed === "chart" ? 2 : 3}
          />
        );
      })}
    </div>
  );
  if (embed === "chart") return chartList;

  return (
    <div className="dashboard">
      {typeof embed === "object" && (
        <DashboardFilters
          key={formKey}
          path={path}
          view={view}
          show={filters}
          options={options}
          labels={labels}
          onChange={change}
          onReset={() => change({}, true)}
        />
      )}
      <p role="status" className="muted">
        {fetching ? d.updating : stats.isError || changes.isError ? d.failed : ""}
      </p>
      {data && (
        <>
          <p className="figures-day">
            {fill(d.figuresOn, { day: f.date(data.day) })}
            {asOf ? "" : ` (${d.today})`}
          </p>
          <StatusTotals
            counts={{ ...data.counts, overdue: data.overdue }}
            complianceRate={data.complianceRate}
            m={labels}
            f={f}
          />
          <PeriodsPanel stats={data} labels={labels} f={f} />
          <QualityPanel quality={data.quality} byMesa={data.byMesa} listHref={listHref} labels={labels} f={f} />
          {chartList}
          <OverdueList items={data.oldestOverdue} labels={labels} f={f} />
          {changes.data && changesParams ? (
            <ChangesPanel changes={changes.data} labels={labels} f={f} />
          ) : (
            typeof embed === "object" && <p className="muted">{d.changesHint}</p>
          )}
        </>
      )}
      {typeof embed === "object" && (
        <EmbedSnippet
          // The embed's path names the page's fixed scope; the rest of the view goes in its query.
          src={`${embed.src}${withView("", {
            mesa: fixed.mesa ? undefined : scope.mesa,
            party: fixed.party ? undefined : scope.party,
            theme: scope.theme,
            asOf,
          })}`}
          title={embed.title}
          labels={labels}
        />
      )}
    </div>
  );
}
