import type { Metadata } from "next";
import Link from "next/link";
import { EvidenceForm } from "@/components/monitor/evidence-form";
import { OutboxPanel } from "@/components/monitor/outbox-panel";
import { OverdueBadge, RestrictedBadge, StatusBadge } from "@/components/ui/badges";
import { appTimeZone } from "@/db/config";
import { EVIDENCE_KINDS, STATUSES } from "@/db/enums";
import { firstValues, parseId } from "@/db/queries/filters";
import { listMonitorCommitments } from "@/db/queries/monitor";
import { todayIn } from "@/db/rules";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.monitor.title };
}

/**
 * A monitor's day: their open commitments, most urgent first, and the evidence form for the one
 * chosen with `?commitment=ID` (a plain link, so the list reads without script).
 */
export default async function MonitorPage({ searchParams }: Props) {
  const chosen = parseId(firstValues(await searchParams).commitment ?? "");
  const viewer = await requirePageViewer(chosen === null ? "/monitor" : `/monitor?commitment=${chosen}`);
  const { m, f } = await getI18n();
  const list = listMonitorCommitments(viewer);
  // Only a commitment of the list: the form is for the viewer's own mesas.
  const selected = list.find((c) => c.id === chosen);
  const messages = { monitor: m.monitor, errors: m.errors, auth: { login: m.auth.login } };

  return (
    <>
      <h1>{m.monitor.title}</h1>
      <p className="lead">{m.monitor.intro}</p>
      <OutboxPanel userId={viewer.userId} m={messages} />

      {selected && (
        <section id="evidence" aria-labelledby="evidence-heading" className="monitor-form">
          <h2 id="evidence-heading">{fill(m.monitor.formHeading, { code: selected.code })}</h2>
          <p className="lead">{selected.title}</p>
          <EvidenceForm
            key={selected.id}
            userId={viewer.userId}
            commitment={{ id: selected.id, code: selected.code }}
            today={todayIn(appTimeZone())}
            kinds={EVIDENCE_KINDS.map((k) => [k, m.evidenceKind[k]])}
            statuses={STATUSES.filter((s) => s !== "superseded").map((s) => [s, m.status[s]])}
            m={messages}
          />
          <p>
            <Link href="/monitor">{m.monitor.close}</Link>
          </p>
        </section>
      )}

      {list.length === 0 ? (
        <p>{m.monitor.empty}</p>
      ) : (
        <ul className="cards monitor-cards">
          {list.map((c) => (
            <li key={c.id} className="card monitor-card" aria-current={c.id === selected?.id ? "true" : undefined}>
              <h2 className="monitor-card-title">
                <span className="monitor-code">{c.code}</span> <Link href={`/commitments/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="muted">
                {m.monitor.mesa}: {c.mesaName}
              </p>
              <p>
                {m.monitor.dueOn}: {c.dueOn ? f.date(c.dueOn) : m.common.noDeadline}{" "}
                {c.overdue && <OverdueBadge label={m.overdue} />}
              </p>
              <p>
                <StatusBadge status={c.status} label={m.status[c.status]} />{" "}
                {c.visibility === "restricted" && <RestrictedBadge label={m.visibility.restricted} />}
              </p>
              <Link
                href={`/monitor?commitment=${c.id}#evidence`}
                className="button button-primary monitor-log"
                aria-label={fill(m.monitor.formHeading, { code: c.code })}
              >
                {m.monitor.logEvidence}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
