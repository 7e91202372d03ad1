import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { MesaReportSections } from "@/components/report/mesa-report";
import { ReportHeader } from "@/components/report/report-header";
import { ReportTableSection } from "@/components/report/report-table";
import { summaryTable } from "@/components/report/report-tables";
import { referenceDay } from "@/db/queries/aggregates";
import { firstValues } from "@/db/queries/filters";
import { combinedReport, reportMesas, resolvePeriod } from "@/db/queries/report";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.report.title };
}

/**
 * `/reports?from=&to=`: the report of every mesa of the viewer (a commissioner's own, all for an
 * admin) for one period: a summary per mesa, then each mesa's report.
 */
export default async function ReportsPage({ searchParams }: Props) {
  const viewer = await requirePageViewer("/reports");
  if (viewer.role === "monitor") forbidden();
  const [{ m, f }, raw] = await Promise.all([getI18n(), searchParams]);
  const r = m.report;
  const requested = firstValues(raw);
  const today = referenceDay();
  const { period, problem } = resolvePeriod(requested, today);
  const mesas = reportMesas(viewer);
  const report = period && mesas.length > 0 ? await combinedReport(viewer, period) : null;
  const query = period ? `?${new URLSearchParams(period)}` : "";

  return (
    <article className="report">
      <ReportHeader
        title={r.allTitle}
        action="/reports"
        requested={requested}
        period={mesas.length > 0 ? period : null}
        problem={problem}
        today={today}
        m={m}
        f={f}
      />
      <p className="no-print">{r.intro}</p>
      <nav aria-labelledby="each-mesa" className="no-print">
        <h2 id="each-mesa">{r.mesasHeading}</h2>
        {mesas.length === 0 ? (
          <p>{r.noMesas}</p>
        ) : (
          <ul>
            {mesas.map((mesa) => (
              <li key={mesa.slug}>
                <Link href={`/reports/${mesa.slug}${query}`}>{mesa.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </nav>
      {report && (
        <>
          <ReportTableSection table={summaryTable(report, m, f)} id="summary" level={2} />
          {report.reports.map((mesaReport) => (
            <section
              key={mesaReport.mesa.slug}
              aria-labelledby={`mesa-${mesaReport.mesa.slug}`}
              className="report-mesa"
            >
              <h2 id={`mesa-${mesaReport.mesa.slug}`}>{mesaReport.mesa.name}</h2>
              <MesaReportSections report={mesaReport} m={m} f={f} level={3} idPrefix={`${mesaReport.mesa.slug}-`} />
            </section>
          ))}
        </>
      )}
    </article>
  );
}
