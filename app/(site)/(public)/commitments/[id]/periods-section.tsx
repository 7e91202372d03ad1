import { PeriodHistory } from "@/components/commitments/period-history";
import { PeriodStatusForm } from "@/components/commitments/period-status-form";
import { PeriodStrip } from "@/components/commitments/period-strip";
import { periodOption } from "@/components/commitments/period-text";
import type { Viewer } from "@/db/access";
import { PERIOD_STATUSES } from "@/db/enums";
import type { CommitmentDetail } from "@/db/api-schemas";
import { periodHistoryOf } from "@/db/queries/period-history";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { setPeriodStatusAction } from "@/app/(site)/(staff)/commitments/actions";

/**
 * A recurring commitment's periods (CONTRACT §1): the strip of elapsed periods, their history and,
 * for the mesa's commissioners and admins, the form that sets a period's status.
 */
export function PeriodsSection({
  commitment: c,
  viewer,
  editor,
  evidenceLabel,
  m,
  f,
}: {
  commitment: CommitmentDetail;
  viewer: Viewer;
  editor: boolean;
  /** How the page names a piece of evidence in a status form. */
  evidenceLabel: (e: CommitmentDetail["evidence"][number]) => string;
  m: Messages;
  f: Formatter;
}) {
  const p = m.periods;
  return (
    <section aria-labelledby="periods">
      <h2 id="periods">{p.heading}</h2>
      <p className="muted">{p.intro}</p>
      <PeriodStrip periods={c.periods} m={m} f={f} />
      <h3 id="periods-history">{p.history}</h3>
      <PeriodHistory history={periodHistoryOf(viewer, c.id)} m={m} f={f} />
      {editor && c.periods.length > 0 && (
        <>
          <h3 id="periods-form">{p.formHeading}</h3>
          <PeriodStatusForm
            action={setPeriodStatusAction.bind(null, c.id)}
            periods={c.periods.map((period) => ({ n: period.n, label: periodOption(period, p, f) }))}
            statuses={PERIOD_STATUSES}
            evidence={c.evidence.map((e) => ({
              id: e.id,
              label:
                e.period === null ? evidenceLabel(e) : fill(p.evidencePeriod, { label: evidenceLabel(e), n: e.period }),
            }))}
            m={m}
          />
        </>
      )}
    </section>
  );
}
