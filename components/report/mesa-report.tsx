import { ChangesPanel } from "@/components/dashboard/changes-panel";
import { dashboardLabels } from "@/components/dashboard/labels";
import { QualityPanel } from "@/components/dashboard/quality-panel";
import { StatusTotals } from "@/components/stats/status-totals";
import type { MesaReport } from "@/db/queries/report";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { ReportTableSection } from "./report-table";
import { reportTables } from "./report-tables";

/**
 * A mesa's report for a period, section by section. The figures use the dashboard's own
 * components; the lists are the tables the PDF draws too.
 */
export function MesaReportSections({
  report,
  m,
  f,
  level,
  idPrefix,
}: {
  report: MesaReport;
  m: Messages;
  f: Formatter;
  /** Rank of the section headings: 2 in a mesa's report, 3 under each mesa of a combined one. */
  level: 2 | 3;
  /** Keeps ids apart when a report shows several mesas. */
  idPrefix: string;
}) {
  const { stats } = report;
  const labels = dashboardLabels(m);
  const Heading = level === 2 ? "h2" : "h3";
  const tables = reportTables(report, m, f);
  return (
    <>
      <section aria-labelledby={`${idPrefix}headline`} className="report-section">
        <Heading id={`${idPrefix}headline`}>{fill(m.report.headline, { day: f.date(stats.day) })}</Heading>
        <StatusTotals
          counts={{ ...stats.counts, overdue: stats.overdue }}
          complianceRate={stats.complianceRate}
          m={m}
          f={f}
        />
      </section>
      <ChangesPanel changes={report.changes} labels={labels} f={f} idPrefix={idPrefix} level={level} />
      {(["byParty", "overdue", "evidence", "meetings"] as const).map((name) => (
        <ReportTableSection key={name} table={tables[name]} id={`${idPrefix}${name}`} level={level} />
      ))}
      <QualityPanel
        quality={stats.quality}
        byMesa={stats.byMesa}
        listHref={null}
        labels={labels}
        f={f}
        idPrefix={idPrefix}
        level={level}
      />
    </>
  );
}
