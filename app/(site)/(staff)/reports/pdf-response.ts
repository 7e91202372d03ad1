import "server-only";
import { requireRole, type Viewer } from "@/db/access";
import { CommandError } from "@/db/commands/errors";
import { referenceDay } from "@/db/queries/aggregates";
import { firstValues } from "@/db/queries/filters";
import { resolvePeriod, type Period } from "@/db/queries/report";
import { getViewer } from "@/db/session";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import { LANGUAGE_TAGS } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";
import { getI18n } from "@/i18n/server";
import { respond } from "@/app/api/v1/respond";
import { siteOrigin } from "@/app/site-origin";
import { renderReportPdf, type PdfReport } from "./report-pdf";

type Loaded = { title: string; name: string; parts: PdfReport["parts"] };

/**
 * A report's PDF download (`…/report.pdf?from=&to=`): the same period rules, authorization and
 * tables as its page; refusals answer CONTRACT §5's JSON errors.
 */
export function reportPdfResponse(
  request: Request,
  load: (viewer: NonNullable<Viewer>, period: Period, m: Messages, f: Formatter) => Promise<Loaded>,
): Promise<Response> {
  return respond(async () => {
    const viewer = requireRole(await getViewer(), "commissioner");
    const { period, problem } = resolvePeriod(firstValues(new URL(request.url).searchParams));
    if (!period) {
      throw new CommandError(400, "invalid_parameters", "The period is not valid.", [
        { path: problem === "fromAfterTo" ? "from" : "to", code: "invalid_date" },
      ]);
    }
    const { m, f, locale } = await getI18n();
    const { title, name, parts } = await load(viewer, period, m, f);
    const pdf = await renderReportPdf({
      title,
      subtitle: `${fill(m.report.periodLine, { from: f.date(period.from), to: f.date(period.to) })} · ${fill(
        m.report.generatedOn,
        { day: f.date(referenceDay()) },
      )}`,
      lang: LANGUAGE_TAGS[locale],
      pageLabel: m.report.page,
      origin: await siteOrigin(),
      parts,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${m.report.fileName}-${name}-${period.from}-${period.to}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
