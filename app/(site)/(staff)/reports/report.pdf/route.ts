import { allReportTables, summaryTable } from "@/components/report/report-tables";
import { combinedReport } from "@/db/queries/report";
import { reportPdfResponse } from "../pdf-response";

/** The PDF of `/reports` (every mesa of the viewer) for the same period. */
export async function GET(request: Request) {
  return reportPdfResponse(request, async (viewer, period, m, f) => {
    const report = await combinedReport(viewer, period);
    return {
      title: m.report.allTitle,
      name: "all",
      parts: [
        { tables: [summaryTable(report, m, f)] },
        ...report.reports.map((mesa) => ({ heading: mesa.mesa.name, tables: allReportTables(mesa, m, f) })),
      ],
    };
  });
}
