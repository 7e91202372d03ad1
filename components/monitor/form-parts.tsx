"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { MonitorMessages, RefusalProblem } from "./evidence-rules";
import type { SubmitOutcome } from "./outbox";

// The evidence form's labelled field and its answer line (sent, queued, refused…).

export type Phase = "idle" | "sending" | SubmitOutcome["kind"] | "signIn" | "busy";

export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && (
        <span id={`${id}-help`} className="help">
          {help}
        </span>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormAnswer({
  phase,
  problem,
  commitmentId,
  m,
}: {
  phase: Phase;
  problem: RefusalProblem | null;
  commitmentId: number;
  m: MonitorMessages;
}) {
  const t = m.monitor;
  const messages: Partial<Record<Phase, ReactNode>> = {
    sending: t.sending,
    sent: (
      <>
        {t.sent} <Link href={`/commitments/${commitmentId}`}>{t.viewCommitment}</Link>
      </>
    ),
    kept: t.queued,
    busy: m.uploadLimits.busy,
    signIn: (
      <>
        {t.signInAgain} <Link href="/login?next=%2Fmonitor">{m.auth.login}</Link>
      </>
    ),
  };
  if (phase === "refused" || phase === "notStored") {
    return (
      <p role="alert" className="form-error">
        {phase === "notStored" ? t.notStored : problem === "server" ? t.serverProblem : m.errors[problem ?? "form"]}
      </p>
    );
  }
  return (
    <p role="status" className={phase === "sent" ? "form-ok" : phase === "idle" ? undefined : "form-note"}>
      {messages[phase]}
    </p>
  );
}
