import { notFound } from "@/db/commands/errors";
import { mesaReport } from "@/db/queries/report";
import { fill } from "@/i18n/fill";
import { allReportTables } from "@/components/report/report-tables";
import { reportPdfResponse } from "../../pdf-response";

/** The PDF of `/reports/{slug}` for the same period. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return reportPdfResponse(request, async (viewer, period, m, f) => {
    const report = await mesaReport(viewer, slug, period);
    if (!report) throw notFound("Mesa");
    return {
      title: fill(m.report.mesaTitle, { mesa: report.mesa.name }),
      name: slug,
      parts: [{ tables: allReportTables(report, m, f) }],
    };
  });
}
