import type { Counts } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

/** The figures that end a row of a mesa table: commitments, overdue, broken, compliance rate. */
export function FigureCells({
  figures,
  m,
  f,
}: {
  figures: { total: number; counts: Counts; complianceRate: number | null };
  m: Messages;
  f: Formatter;
}) {
  return (
    <>
      <td className="num">{f.number(figures.total)}</td>
      <td className="num">{f.number(figures.counts.overdue)}</td>
      <td className="num">{f.number(figures.counts.broken)}</td>
      <td className="num">{f.rate(figures.complianceRate, m.common.noRate)}</td>
    </>
  );
}
