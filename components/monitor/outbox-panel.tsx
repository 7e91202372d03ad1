"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fill } from "@/i18n/locales";
import { errorText, type MonitorMessages } from "./evidence-rules";
import {
  dismissRefusal,
  flush,
  outboxStatus,
  queuedItems,
  refusals,
  startAutoFlush,
  subscribe,
  type OutboxStatus,
  type QueuedEvidence,
  type Refusal,
} from "./outbox";

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

/** What is waiting on this device, what the server refused, and a way to retry now. */
export function OutboxPanel({ userId, m }: { userId: number; m: MonitorMessages }) {
  const { items, refusals: refused, status } = useOutbox(userId);
  const t = m.monitor;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(new Date(iso));

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
      {items.length > 0 && (
        <>
          <ul className="outbox-items">
            {items.map((item) => (
              <li key={item.key}>
                <strong>{item.label}</strong>: {item.fields.summary.slice(0, 80)}
                {item.fields.summary.length > 80 && "…"}{" "}
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
      {refused.map((r) => (
        <div key={r.key} role="alert" className="form-error outbox-refusal">
          <p>{fill(t.refused, { code: r.label, summary: r.summary.slice(0, 80) })}</p>
          <ul>
            {r.problem !== "form" && <li>{m.errors[r.problem]}</li>}
            {Object.entries(r.errors).map(([path, keys]) => (
              <li key={path}>
                {fieldLabel(path, r.fileNames, m)}: {keys.map((key) => errorText(key, m)).join(" ")}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void dismissRefusal(r.key)}>
            {t.dismiss}
          </button>
        </div>
      ))}
    </section>
  );
}

function fieldLabel(path: string, fileNames: string[], m: MonitorMessages): string {
  const file = /^files\.(\d+)$/.exec(path);
  if (file) return fill(m.monitor.file, { name: fileNames[Number(file[1])] ?? file[1] });
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
