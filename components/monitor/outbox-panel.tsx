"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fill } from "@/i18n/fill";
import { errorText, type MonitorMessages } from "./evidence-rules";
import {
  discardRefusal,
  flush,
  outboxStatus,
  queuedItems,
  refusals,
  retryRefusal,
  subscribe,
  type OutboxStatus,
  type QueuedEvidence,
  type Refusal,
} from "./outbox";
import { startAutoFlush } from "./outbox-schedule";

type OutboxView = { items: QueuedEvidence[]; refusals: Refusal[]; status: OutboxStatus };

/** The user's outbox, re-read from IndexedDB on every change; starts the automatic flushing. */
export function useOutbox(userId: number): OutboxView {
  const [view, setView] = useState<OutboxView>({ items: [], refusals: [], status: outboxStatus() });
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const [items, refused] = await Promise.all([queuedItems(userId), refusals(userId)]);
        if (live) setView({ items, refusals: refused, status: outboxStatus() });
      } catch {
        // No IndexedDB here: nothing can be queued either, the form says so when it is used.
        if (live) setView((v) => ({ ...v, status: outboxStatus() }));
      }
    };
    const unsubscribe = subscribe(() => void load());
    void load();
    const stop = startAutoFlush(userId);
    return () => {
      live = false;
      unsubscribe();
      stop();
    };
  }, [userId]);
  return view;
}

/**
 * What is waiting on this device, what was set aside (refused, or never answered properly) and
 * what can be done with it: retry, correct and resend, discard. The refusal the form is showing
 * (`editingKey`) is left to the form.
 */
export function OutboxPanel({
  userId,
  m,
  editingKey,
  canEdit,
  onEdit,
}: {
  userId: number;
  m: MonitorMessages;
  editingKey: string | null;
  canEdit: (commitmentId: number) => boolean;
  onEdit: (refusal: Refusal) => void;
}) {
  const { items, refusals: refused, status } = useOutbox(userId);
  const t = m.monitor;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(new Date(iso));
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

  return (
    <section className="outbox" aria-label={t.outboxHeading}>
      {/* Always rendered, so that screen readers announce the count as it changes. */}
      <p role="status" className="outbox-status">
        {items.length > 0 && <strong>{fill(t.outboxCount, { n: items.length })}</strong>}
        {status.flushing && items.length > 0 && <> {t.outboxSending}</>}
        {status.sentInBackground > 0 && <> {fill(t.outboxSent, { n: status.sentInBackground })}</>}
      </p>
      {status.needsSignIn && items.length > 0 && (
        <p role="alert" className="form-error">
          {t.signInAgain} <Link href="/login?next=%2Fmonitor">{m.auth.login}</Link>
        </p>
      )}
      {status.otherSession && items.length > 0 && (
        <p role="alert" className="form-error">
          {t.otherSession}
        </p>
      )}
      {items.length > 0 && (
        <>
          <ul className="outbox-items">
            {items.map((item) => (
              <li key={item.key}>
                <strong>{item.label}</strong>: {short(item.fields.summary)}{" "}
                <span className="muted">
                  · {fill(t.savedAt, { date: when(item.createdAt) })}
                  {item.attempts > 0 && <> · {fill(t.attempts, { n: item.attempts })}</>}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="button" disabled={status.flushing} onClick={() => void flush(userId)}>
            {t.retryNow}
          </button>
        </>
      )}
      {refused
        .filter((r) => r.key !== editingKey)
        .map((r) => {
          const about = `refusal-${r.key}`;
          const text = r.problem === "server" ? t.serverFailed : t.refusedKept;
          return (
            <div key={r.key} role="alert" className="form-error outbox-refusal">
              <p id={about}>{fill(text, { code: r.label, summary: short(r.fields.summary) })}</p>
              {(r.problem === "forbidden" || r.problem === "notFound" || Object.keys(r.errors).length > 0) && (
                <ul>
                  {(r.problem === "forbidden" || r.problem === "notFound") && <li>{m.errors[r.problem]}</li>}
                  {Object.entries(r.errors).map(([path, keys]) => (
                    <li key={path}>
                      {fieldLabel(path, r, m)}: {keys.map((key) => errorText(key, m)).join(" ")}
                    </li>
                  ))}
                </ul>
              )}
              <div className="outbox-actions">
                {r.problem === "server" && (
                  <button
                    type="button"
                    className="button"
                    aria-describedby={about}
                    disabled={status.flushing}
                    onClick={() => void retryRefusal(r.key, userId)}
                  >
                    {t.retry}
                  </button>
                )}
                {canEdit(r.commitmentId) && (
                  <button type="button" className="button" aria-describedby={about} onClick={() => onEdit(r)}>
                    {t.editResend}
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  aria-describedby={about}
                  onClick={() => void discardRefusal(r.key)}
                >
                  {t.discard}
                </button>
              </div>
            </div>
          );
        })}
    </section>
  );
}

function fieldLabel(path: string, refusal: Refusal, m: MonitorMessages): string {
  const file = /^files\.(\d+)$/.exec(path);
  if (file) return fill(m.monitor.file, { name: refusal.files[Number(file[1])]?.name ?? file[1] });
  const labels: Record<string, string> = {
    observedOn: m.monitor.observedOn,
    kind: m.monitor.kind,
    summary: m.monitor.summary,
    sourceUrl: m.monitor.sourceUrl,
    suggestedStatus: m.monitor.suggestedStatus,
    files: m.monitor.files,
  };
  return labels[path] ?? path;
}
