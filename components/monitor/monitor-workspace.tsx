"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { monitorKey, monitorListQuery } from "@/components/query/queries";
import type { MonitorPage } from "@/db/queries/monitor";
import { fill } from "@/i18n/fill";
import type { Locale } from "@/i18n/locales";
import { EvidenceForm } from "./evidence-form";
import { firstErrorPath, type MonitorMessages } from "./evidence-rules";
import { MonitorList, type MonitorListMessages } from "./monitor-list";
import { OfflineSupport } from "./offline-support";
import { onDelivered, type Refusal } from "./outbox";
import { OutboxPanel } from "./outbox-panel";

type Option = [value: string, label: string];
/** A commitment whose form can open: one of the list's, or one linked to from another page. */
type Choice = { id: number; code: string; title: string; periods: MonitorPage["data"][number]["periods"] };

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
 * The list is the server's page of it, refetched when the outbox delivers a submission.
 */
export function MonitorWorkspace({
  userId,
  list: rendered,
  linked,
  initial,
  form,
  locale,
  m,
}: {
  userId: number;
  /** The page of the list the server rendered (its `page` is kept in the addresses pushed). */
  list: MonitorPage;
  /** A commitment of another page of the list, linked to directly: its form, but no card. */
  linked: Choice | null;
  /** The commitment the server rendered the form for. */
  initial: number | null;
  form: { today: string; timeZone: string; kinds: Option[]; statuses: Option[] };
  locale: Locale;
  m: MonitorMessages & MonitorListMessages;
}) {
  const page = rendered.page;
  const queryClient = useQueryClient();
  // No spinner and no request on the first paint: the server's data is the query's. A failed
  // refetch (offline, signed out) leaves `data` as it was, so the cards stay.
  const { data: list } = useQuery({ ...monitorListQuery(page), initialData: rendered });
  useEffect(() => onDelivered(() => void queryClient.invalidateQueries({ queryKey: monitorKey })), [queryClient]);
  // The server's list too: a form being filled in stays open when a refetch drops its commitment.
  const commitments: Choice[] = [...list.data, ...rendered.data, ...(linked ? [linked] : [])];
  const addressed = useSyncExternalStore(subscribeToAddress, addressChoice, () => initial);
  const chosen = commitments.find((c) => c.id === addressed) ?? null;
  const [draft, setDraft] = useState<Refusal | null>(null);
  const openDraft = draft && draft.commitmentId === chosen?.id ? draft : null;
  const [editingKey, setEditingKey] = useState<string | null>(null);
  // Where the focus goes once the page shows the choice: the form's heading, or a card's link.
  const focusNext = useRef<"heading" | number | null>(null);
  const t = m.monitor;

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
            commitment={{ id: chosen.id, code: chosen.code, periods: chosen.periods }}
            locale={locale}
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

      <MonitorList
        list={list}
        chosen={chosen?.id ?? null}
        hrefFor={(id) => addressFor(page, id)}
        onChoose={follow}
        locale={locale}
        timeZone={form.timeZone}
        m={m}
      />
    </>
  );
}
