import { notFound } from "next/navigation";
import { DashboardSection } from "@/app/dashboard-section";
import { CHART_IDS, type ChartId } from "@/components/charts/tables";
import { pageViewer } from "@/app/page-viewer";
import { embedView, type EmbedProps } from "../../params";

/** One chart of the dashboards, with its table and CSV, for the view in the query. */
export default async function ChartEmbed({ params, searchParams }: EmbedProps<{ chart: string }>) {
  const { chart } = await params;
  if (!(CHART_IDS as readonly string[]).includes(chart)) notFound();
  return (
    <DashboardSection
      viewer={await pageViewer()}
      view={await embedView(searchParams)}
      charts={[chart as ChartId]}
      filters={["mesa", "party", "theme"]}
      embed="chart"
    />
  );
}
