import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { FollowLink } from "@/components/subscribe/follow-link";
import { notFound } from "next/navigation";
import { EvidenceTimeline } from "@/components/commitments/evidence-timeline";
import { recurrenceText } from "@/components/commitments/period-text";
import { StatusForm } from "@/components/commitments/status-form";
import { StatusHistory } from "@/components/commitments/status-history";
import { OverdueBadge, RestrictedBadge, StatusBadge } from "@/components/ui/badges";
import { canEditMesa } from "@/db/access";
import { STATUSES } from "@/db/enums";
import { findMesaId } from "@/db/queries/mesas";
import { pageViewer } from "@/app/page-viewer";
import { getCommitment } from "@/db/queries/commitment-detail";
import { parseId } from "@/db/queries/filters";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { changeStatusAction } from "@/app/(site)/(staff)/commitments/actions";
import { PeriodsSection } from "./periods-section";

type Props = { params: Promise<{ id: string }> };

/** One load per request, shared by the metadata and the page. */
const commitmentFor = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getCommitment(await pageViewer(), id);
});

async function load(params: Props["params"]) {
  return commitmentFor((await params).id);
}

async function canEdit(mesa: string) {
  const mesaId = findMesaId(mesa);
  return mesaId !== undefined && canEditMesa(await pageViewer(), mesaId);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const commitment = await load(params);
  return commitment ? { title: `${commitment.code} — ${commitment.title}` } : {};
}

export default async function CommitmentPage({ params }: Props) {
  const [commitment, { m, f }] = await Promise.all([load(params), getI18n()]);
  if (!commitment) notFound();
  const c = commitment;
  const editor = await canEdit(c.mesa);
  const evidenceLabel = (e: (typeof c.evidence)[number]) => `#${e.id} ${f.date(e.observedOn)} — ${e.summary}`;

  return (
    <>
      <p>
        <Link href={`/mesas/${c.mesa}`}>← {c.mesaName}</Link>
      </p>
      <h1>
        {fill(m.commitment.heading, { code: c.code })}: {c.title}
      </h1>
      <p>
        <StatusBadge status={c.status} label={m.status[c.status]} /> {c.overdue && <OverdueBadge label={m.overdue} />}{" "}
        {c.visibility === "restricted" && <RestrictedBadge label={m.visibility.restricted} />}
      </p>
      {c.visibility === "public" && (
        <FollowLink href={`/subscribe?commitment=${c.id}`} label={m.subscribe.followLink} />
      )}
      {editor && (
        <p>
          <Link href={`/commitments/${c.id}/edit`} className="button">
            {m.forms.edit}
          </Link>
        </p>
      )}

      <section aria-labelledby="text">
        <h2 id="text">{m.commitment.text}</h2>
        <blockquote className="acta">{c.text}</blockquote>
      </section>

      <section aria-labelledby="details">
        <h2 id="details">{m.commitment.details}</h2>
        <dl className="facts">
          <dt>{m.commitment.theme}</dt>
          <dd>{m.theme[c.theme]}</dd>
          <dt>{m.commitment.madeOn}</dt>
          <dd>{f.date(c.madeOn)}</dd>
          {c.meeting !== null && (
            <>
              <dt>{m.commitment.meeting}</dt>
              <dd>{fill(m.mesa.meetingNumber, { n: c.meeting })}</dd>
            </>
          )}
          {c.recurrence && (
            <>
              <dt>{m.periods.recurrence}</dt>
              <dd>{recurrenceText(c.recurrence, m.periods, f)}</dd>
            </>
          )}
          {/* A recurring commitment's deadlines are its periods': "no deadline" would mislead. */}
          {(!c.recurrence || c.dueOn) && (
            <>
              <dt>{m.commitment.dueOn}</dt>
              <dd>{c.dueOn ? f.date(c.dueOn) : m.common.noDeadline}</dd>
            </>
          )}
          <dt>{m.commitment.status}</dt>
          <dd>{m.status[c.status]}</dd>
          {c.supersededBy !== null && (
            <>
              <dt>{m.commitment.supersededBy}</dt>
              <dd>
                <Link href={`/commitments/${c.supersededBy}`}>#{c.supersededBy}</Link>
              </dd>
            </>
          )}
          <dt>{m.commitment.parties}</dt>
          <dd>
            <ul>
              {c.responsibleParties.map((p) => (
                <li key={p.slug}>
                  <Link href={`/parties/${p.slug}`}>{p.name}</Link>
                  {p.lead && ` (${m.common.lead})`}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>

      {c.recurrence && (
        <PeriodsSection
          commitment={c}
          viewer={await pageViewer()}
          editor={editor}
          evidenceLabel={evidenceLabel}
          m={m}
          f={f}
        />
      )}

      <section aria-labelledby="evidence">
        <h2 id="evidence">{m.commitment.evidence}</h2>
        <EvidenceTimeline evidence={c.evidence} m={m} f={f} />
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{m.commitment.history}</h2>
        <StatusHistory history={c.history} m={m} f={f} />
      </section>

      {editor && (
        <section aria-labelledby="change-status">
          <h2 id="change-status">{m.forms.changeStatus}</h2>
          <StatusForm
            action={changeStatusAction.bind(null, c.id)}
            current={c.status}
            statuses={STATUSES}
            evidence={c.evidence.map((e) => ({ id: e.id, label: evidenceLabel(e) }))}
            m={m}
          />
        </section>
      )}
    </>
  );
}
