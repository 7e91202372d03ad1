import type { Metadata } from "next";
import { MonitorWorkspace } from "@/components/monitor/monitor-workspace";
import { Pagination } from "@/components/ui/pagination";
import { appTimeZone } from "@/db/config";
import { EVIDENCE_KINDS, STATUSES } from "@/db/enums";
import { firstValues, monitorParamsSchema, parseId, parseLeniently } from "@/db/queries/filters";
import { findMonitorCommitment, listMonitorCommitments } from "@/db/queries/monitor";
import { todayIn } from "@/db/rules";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.monitor.title };
}

/**
 * A monitor's day: their open commitments, most urgent first, a page at a time (`?page=N`), and
 * the evidence form for the one chosen with `?commitment=ID` (a plain link, so the list reads
 * without script). With script the choice is made in the browser (MonitorWorkspace), so that a
 * copy of this page kept by the service worker serves every commitment of its page offline. The
 * page links are plain links too: a full navigation, which the service worker sees and keeps.
 */
export default async function MonitorPage({ searchParams }: Props) {
  const params = parseLeniently(monitorParamsSchema, firstValues(await searchParams));
  const chosen = parseId(params.commitment ?? "");
  const query = new URLSearchParams({
    ...(params.page > 1 ? { page: String(params.page) } : {}),
    ...(chosen !== null ? { commitment: String(chosen) } : {}),
  });
  const viewer = await requirePageViewer(query.size ? `/monitor?${query}` : "/monitor");
  const { locale, m } = await getI18n();
  const list = listMonitorCommitments(viewer, { page: params.page });
  // Only a commitment of the viewer's work list: the form is for their own mesas. One linked from
  // elsewhere may be on another page of the list: its form opens here all the same.
  const selected =
    chosen === null ? undefined : (list.data.find((c) => c.id === chosen) ?? findMonitorCommitment(viewer, chosen));
  const linked = selected && !list.data.includes(selected) ? selected : null;
  const messages = {
    monitor: m.monitor,
    errors: m.errors,
    uploadLimits: m.uploadLimits,
    auth: { login: m.auth.login },
    status: m.status,
    reviewState: m.reviewState,
    overdue: m.overdue,
    visibility: { restricted: m.visibility.restricted },
    common: { noDeadline: m.common.noDeadline },
  };
  const timeZone = appTimeZone();

  return (
    <>
      <h1>{m.monitor.title}</h1>
      <p className="lead">{m.monitor.intro}</p>
      <MonitorWorkspace
        userId={viewer.userId}
        list={list}
        linked={linked && { id: linked.id, code: linked.code, title: linked.title, periods: linked.periods }}
        initial={selected?.id ?? null}
        form={{
          today: todayIn(timeZone),
          timeZone,
          kinds: EVIDENCE_KINDS.map((k) => [k, m.evidenceKind[k]]),
          statuses: STATUSES.filter((s) => s !== "superseded").map((s) => [s, m.status[s]]),
        }}
        locale={locale}
        m={messages}
      />
      <Pagination
        path="/monitor"
        params={{}}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        m={m.pagination}
        document
      />
    </>
  );
}
