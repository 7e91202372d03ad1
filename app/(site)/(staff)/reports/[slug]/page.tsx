import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MesaReportSections } from "@/components/report/mesa-report";
import { ReportHeader } from "@/components/report/report-header";
import { referenceDay } from "@/db/queries/aggregates";
import { firstValues } from "@/db/queries/filters";
import { findMesaId } from "@/db/queries/mesas";
import { mesaReport, resolvePeriod } from "@/db/queries/report";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { requireMesaEditorPage } from "../../guard";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.report.title };
}

/** CONTRACT §4 `/reports/{slug}?from=&to=`: a mesa's printable report, for its commissioners. */
export default async function MesaReportPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const mesaId = findMesaId(slug);
  if (mesaId === undefined) notFound();
  const path = `/reports/${slug}`;
  const viewer = await requireMesaEditorPage(path, mesaId);
  const { m, f } = await getI18n();
  const requested = firstValues(raw);
  const today = referenceDay();
  const { period, problem } = resolvePeriod(requested, today);
  const report = period && (await mesaReport(viewer, slug, period));
  if (period && !report) notFound();

  return (
    <article className="report">
      <ReportHeader
        title={fill(m.report.mesaTitle, { mesa: report?.mesa.name ?? slug })}
        action={path}
        requested={requested}
        period={period}
        problem={problem}
        today={today}
        m={m}
        f={f}
      />
      {report && <MesaReportSections report={report} m={m} f={f} level={2} idPrefix="" />}
    </article>
  );
}
