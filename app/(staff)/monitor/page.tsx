import type { Metadata } from "next";
import Link from "next/link";
import { MonitorWorkspace } from "@/components/monitor/monitor-workspace";
import { OverdueBadge, RestrictedBadge, StatusBadge } from "@/components/ui/badges";
import { appTimeZone } from "@/db/config";
import { EVIDENCE_KINDS, STATUSES } from "@/db/enums";
import { firstValues, parseId } from "@/db/queries/filters";
import { listMonitorCommitments } from "@/db/queries/monitor";
import { todayIn } from "@/db/rules";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.monitor.title };
}

/**
 * A monitor's day: their open commitments, most urgent first, and the evidence form for the one
 * chosen with `?commitment=ID` (a plain link, so the list reads without script). With script the
 * choice is made in the browser (MonitorWorkspace), so that a copy of this page kept by the
 * service worker serves every commitment of the list offline.
 */
export default async function MonitorPage({ searchParams }: Props) {
  const chosen = parseId(firstValues(await searchParams).commitment ?? "");
  const viewer = await requirePageViewer(chosen === null ? "/monitor" : `/monitor?commitment=${chosen}`);
  const { m, f } = await getI18n();
  const list = listMonitorCommitments(viewer);
  // Only a commitment of the list: the form is for the viewer's own mesas.
  const selected = list.find((c) => c.id === chosen);
  const messages = { monitor: m.monitor, errors: m.errors, auth: { login: m.auth.login } };
  const timeZone = appTimeZone();

  return (
    <>
      <h1>{m.monitor.title}</h1>
      <p className="lead">{m.monitor.intro}</p>
      <MonitorWorkspace
        userId={viewer.userId}
        initial={selected?.id ?? null}
        form={{
          today: todayIn(timeZone),
          timeZone,
          kinds: EVIDENCE_KINDS.map((k) => [k, m.evidenceKind[k]]),
          statuses: STATUSES.filter((s) => s !== "superseded").map((s) => [s, m.status[s]]),
        }}
        m={messages}
        commitments={list.map((c) => ({
          id: c.id,
          code: c.code,
          title: c.title,
          card: (
            <>
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
            </>
          ),
        }))}
      />
    </>
  );
}
