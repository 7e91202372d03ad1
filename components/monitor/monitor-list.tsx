"use client";

import Link from "next/link";
import type { MouseEvent } from "react";
import { OverdueBadge, RestrictedBadge, StatusBadge } from "@/components/ui/badges";
import type { MonitorPage } from "@/db/queries/monitor";
import { fill } from "@/i18n/fill";
import { formatterFor } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";

/** What the cards say besides the monitor's own messages. */
export type MonitorListMessages = Pick<Messages, "monitor" | "status" | "reviewState" | "overdue"> & {
  visibility: Pick<Messages["visibility"], "restricted">;
  common: Pick<Messages["common"], "noDeadline">;
};

/**
 * One page of the work list, as cards. Rendered in the browser from the list's query (the server
 * renders it first with the same data), so a refetch shows new evidence states without a reload.
 */
export function MonitorList({
  list,
  chosen,
  hrefFor,
  onChoose,
  locale,
  timeZone,
  m,
}: {
  list: MonitorPage;
  chosen: number | null;
  hrefFor: (id: number) => string;
  onChoose: (event: MouseEvent<HTMLAnchorElement>, id: number) => void;
  locale: Locale;
  timeZone: string;
  m: MonitorListMessages;
}) {
  const f = formatterFor(locale, timeZone);
  const t = m.monitor;
  if (list.data.length === 0) return <p>{t.empty}</p>;
  const first = (list.page - 1) * list.pageSize + 1;

  return (
    <>
      <p className="muted">
        {fill(t.showing, {
          from: f.number(first),
          to: f.number(first + list.data.length - 1),
          total: f.number(list.total),
        })}
      </p>
      <ul className="cards monitor-cards">
        {list.data.map((c) => (
          <li key={c.id} className="card monitor-card" aria-current={c.id === chosen ? "true" : undefined}>
            <h2 className="monitor-card-title">
              <span className="monitor-code">{c.code}</span> <Link href={`/commitments/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted">
              {t.mesa}: {c.mesaName}
            </p>
            <p>
              {t.dueOn}: {c.dueOn ? f.date(c.dueOn) : m.common.noDeadline}{" "}
              {c.overdue && <OverdueBadge label={m.overdue} />}
            </p>
            <p>
              <StatusBadge status={c.status} label={m.status[c.status]} />{" "}
              {c.visibility === "restricted" && <RestrictedBadge label={m.visibility.restricted} />}
            </p>
            <p className="muted">
              {c.latestEvidence
                ? fill(t.latestEvidence, {
                    state: m.reviewState[c.latestEvidence.reviewState],
                    date: f.instant(c.latestEvidence.submittedAt),
                  })
                : t.noEvidence}
            </p>
            <a
              id={`log-${c.id}`}
              href={hrefFor(c.id)}
              className="button button-primary monitor-log"
              aria-label={fill(t.formHeading, { code: c.code })}
              onClick={(event) => onChoose(event, c.id)}
            >
              {t.logEvidence}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
