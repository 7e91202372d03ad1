"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import { fill } from "@/i18n/fill";
import { EvidenceForm } from "./evidence-form";
import { firstErrorPath, type MonitorMessages } from "./evidence-rules";
import { OfflineSupport } from "./offline-support";
import type { Refusal } from "./outbox";
import { OutboxPanel } from "./outbox-panel";

type Option = [value: string, label: string];
/** `listed: false`: a commitment of another page of the list, linked to directly: form, no card. */
export type MonitorCommitment = { id: number; code: string; title: string; card: ReactNode; listed?: boolean };

// The commitment whose form is open is the address's `?commitment=`: links without script, the
// browser's back and forward buttons, and a page the service worker kept for another address.
const ADDRESS_CHANGED = "mesa-monitor:address";
function subscribeToAddress(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(ADDRESS_CHANGED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(ADDRESS_CHANGED, onChange);
  };
}
const addressChoice = () => Number(new URLSearchParams(window.location.search).get("commitment")) || null;

/** This page of the list (`?page=N`), with a commitment's form open or none. */
function addressFor(page: number, id: number | null) {
  const query = new URLSearchParams();
  if (page > 1) query.set("page", String(page));
  if (id !== null) query.set("commitment", String(id));
  // Not `query.size`: older phones' browsers lack it.
  const search = query.toString();
  return search ? `/monitor?${search}${id === null ? "" : "#evidence"}` : "/monitor";
}

/**
 * The monitor's page once loaded: the outbox, the evidence form of the chosen commitment and the
 * list. Choosing a commitment (or reopening a refused submission) happens here, with no request
 * to the server, so it also works offline; without script the links load `?commitment=ID`.
 */
export function MonitorWorkspace({
  userId,
  page,
  commitments,
  initial,
  form,
  m,
}: {
  userId: number;
  /** The page of the list shown, kept in the addresses the choices push. */
  page: number;
  commitments: MonitorCommitment[];
  /** The commitment the server rendered the form for. */
  initial: number | null;
  form: { today: string; timeZone: string; kinds: Option[]; statuses: Option[] };
  m: MonitorMessages;
}) {
  const addressed = useSyncExternalStore(subscribeToAddress, addressChoice, () => initial);
  const chosen = commitments.find((c) => c.id === addressed) ?? null;
  const [draft, setDraft] = useState<Refusal | null>(null);
  const openDraft = draft && draft.commitmentId === chosen?.id ? draft : null;
  const [editingKey, setEditingKey] = useState<string | null>(null);
  // Where the focus goes once the page shows the choice: the form's heading, or a card's link.
  const focusNext = useRef<"heading" | number | null>(null);
  const t = m.monitor;
  const listed = commitments.filter((c) => c.listed !== false);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    document.getElementById(target === "heading" ? "evidence-heading" : `log-${target}`)?.focus();
  });

  function choose(id: number | null, refusal: Refusal | null) {
    // A reopened refusal with field errors: the form focuses the first of them itself.
    focusNext.current =
      id === null ? (chosen?.id ?? null) : refusal && firstErrorPath(refusal.errors) ? null : "heading";
    setDraft(refusal);
    if (addressChoice() !== id) {
      // Next.js keeps its router in step with pushState, without asking the server.
      window.history.pushState(null, "", addressFor(page, id));
      window.dispatchEvent(new Event(ADDRESS_CHANGED));
    }
  }

  function follow(event: MouseEvent<HTMLAnchorElement>, id: number | null) {
    // A new tab or window stays the browser's business.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    choose(id, null);
  }

  return (
    <>
      <OfflineSupport userId={userId} />
      <OutboxPanel
        userId={userId}
        m={m}
        editingKey={editingKey}
        canEdit={(id) => commitments.some((c) => c.id === id)}
        onEdit={(refusal) => choose(refusal.commitmentId, refusal)}
      />

      {chosen && (
        <section id="evidence" aria-labelledby="evidence-heading" className="monitor-form">
          <h2 id="evidence-heading" tabIndex={-1}>
            {fill(t.formHeading, { code: chosen.code })}
          </h2>
          <p className="lead">{chosen.title}</p>
          <EvidenceForm
            key={`${chosen.id}:${openDraft?.key ?? ""}`}
            userId={userId}
            commitment={{ id: chosen.id, code: chosen.code }}
            {...form}
            draft={openDraft}
            onEditing={setEditingKey}
            m={m}
          />
          <p>
            <a href={addressFor(page, null)} onClick={(event) => follow(event, null)}>
              {t.close}
            </a>
          </p>
        </section>
      )}

      {listed.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul className="cards monitor-cards">
          {listed.map((c) => (
            <li key={c.id} className="card monitor-card" aria-current={c.id === chosen?.id ? "true" : undefined}>
              {c.card}
              <a
                id={`log-${c.id}`}
                href={addressFor(page, c.id)}
                className="button button-primary monitor-log"
                aria-label={fill(t.formHeading, { code: c.code })}
                onClick={(event) => follow(event, c.id)}
              >
                {t.logEvidence}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
