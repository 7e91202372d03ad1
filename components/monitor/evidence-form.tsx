"use client";

import { Fragment, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent, type FormEvent } from "react";
import {
  checkEvidence,
  errorText,
  firstErrorPath,
  newIdempotencyKey,
  type EvidenceErrors,
  type EvidenceFields,
  type MonitorMessages,
  type RefusalProblem,
} from "./evidence-rules";
import { formatterFor } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Locale } from "@/i18n/locales";
import { FilesField } from "./files-field";
import { Field, FormAnswer, type Phase } from "./form-parts";
import { submitEvidence, type Refusal } from "./outbox";

type Option = [value: string, label: string];

const noSubscription = () => () => {};

/**
 * The mobile-first evidence form. Every submission goes through the outbox (IndexedDB first), so
 * it survives a missing connection. `draft`: a submission the server refused, reopened with its
 * fields, files and errors; it is resent under its own idempotency key, replacing the refusal.
 */
export function EvidenceForm({
  userId,
  commitment,
  today,
  timeZone,
  locale,
  kinds,
  statuses,
  draft,
  onEditing,
  m,
}: {
  userId: number;
  /** `periods`: a recurring commitment's elapsed periods, the current one first. */
  commitment: { id: number; code: string; periods: { n: number; startsOn: string; dueOn: string }[] };
  /** The server's date when the page was made: a page kept for offline use may be days old. */
  today: string;
  timeZone: string;
  locale: Locale;
  kinds: Option[];
  statuses: Option[];
  draft: Refusal | null;
  /** The key of the refusal this form stands for (the outbox panel leaves it out), or null. */
  onEditing: (key: string | null) => void;
  m: MonitorMessages;
}) {
  // False on the server and while hydrating: the form posts with script only (it must queue).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<File[]>(() => draft?.files.map(asFile) ?? []);
  const [phase, setPhase] = useState<Phase>(draft ? "refused" : "idle");
  const [problem, setProblem] = useState<RefusalProblem | null>(draft?.problem ?? null);
  const [errors, setErrors] = useState<EvidenceErrors>(draft?.errors ?? {});
  const [draftKey, setDraftKey] = useState<string | null>(draft?.key ?? null);
  // What the fields start with: the draft's, then (after it is sent) empty ones, remounted.
  const [initial, setInitial] = useState<EvidenceFields | null>(draft?.fields ?? null);
  const [generation, setGeneration] = useState(0);
  // The field to focus once the errors are on the page (so that their descriptions are read).
  const pendingFocus = useRef<string | null>(draft ? firstErrorPath(draft.errors) : null);
  const t = m.monitor;
  const f = formatterFor(locale, timeZone);

  useEffect(() => {
    onEditing(draftKey);
    return () => onEditing(null);
  }, [draftKey, onEditing]);

  useEffect(() => {
    const path = pendingFocus.current;
    if (path === null) return;
    pendingFocus.current = null;
    const file = /^files\.(\d+)$/.exec(path);
    const id = file ? `ev-file-${file[1]}-remove` : path === "files" ? "ev-files" : `ev-${path}`;
    document.getElementById(id)?.focus();
  });

  useEffect(() => {
    if (!initial) setDateToToday(formRef.current, today, timeZone);
  }, [initial, generation, today, timeZone]);

  function addFiles(event: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(event.target.files ?? []);
    // Cleared so the same input can take another photo; the list below keeps every pick.
    event.target.value = "";
    setFiles((current) => [...current, ...picked]);
    setErrors(withoutFileErrors);
  }

  function removeFile(index: number) {
    setFiles((current) => current.filter((_, i) => i !== index));
    setErrors(withoutFileErrors);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase === "sending") return;
    const data = new FormData(event.currentTarget);
    const text = (name: keyof EvidenceFields) => String(data.get(name) ?? "");
    const fields: EvidenceFields = {
      observedOn: text("observedOn"),
      kind: text("kind"),
      summary: text("summary"),
      sourceUrl: text("sourceUrl").trim(),
      suggestedStatus: text("suggestedStatus"),
      period: text("period"),
    };
    const found = checkEvidence(
      fields,
      files,
      kinds.map(([value]) => value),
    );
    if (Object.keys(found).length > 0) return showErrors(found, "form");

    // The key is known before the answer, so that a refusal stored meanwhile stays with this form.
    const key = draftKey ?? newIdempotencyKey();
    setDraftKey(key);
    setPhase("sending");
    setErrors({});
    setProblem(null);
    const outcome = await submitEvidence({
      key,
      userId,
      commitmentId: commitment.id,
      label: commitment.code,
      fields,
      files,
    });
    if (outcome.kind === "refused") return showErrors(outcome.errors, outcome.problem);
    if (outcome.kind !== "notStored") {
      // Sent or safely queued: a clean form for the next one (and no second copy by mistake).
      setInitial(null);
      setGeneration((g) => g + 1);
      setFiles([]);
      setDraftKey(null);
    }
    const keptBecause = outcome.kind === "kept" ? outcome.reason : null;
    setPhase(keptBecause === "signIn" || keptBecause === "busy" ? keptBecause : outcome.kind);
  }

  function showErrors(found: EvidenceErrors, why: RefusalProblem) {
    setErrors(found);
    setProblem(why);
    setPhase("refused");
    pendingFocus.current = firstErrorPath(found);
  }

  const errorFor = (path: string) => errors[path]?.map((key) => errorText(key, m)).join(" ");
  const fieldProps = (name: keyof EvidenceFields, help?: boolean) => {
    const ids = [help ? `ev-${name}-help` : null, errors[name] ? `ev-${name}-error` : null].filter(Boolean);
    return {
      id: `ev-${name}`,
      name,
      ...(errors[name] ? { "aria-invalid": true } : {}),
      ...(ids.length ? { "aria-describedby": ids.join(" ") } : {}),
    };
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} className="stack evidence-form" noValidate>
      {initial && <p className="form-note">{t.editing}</p>}
      <Fragment key={generation}>
        {commitment.periods.length > 0 && (
          <Field id="ev-period" label={t.period} error={errorFor("period")}>
            <select defaultValue={initial?.period ?? String(commitment.periods[0].n)} {...fieldProps("period")}>
              {commitment.periods.map((p) => (
                <option key={p.n} value={p.n}>
                  {fill(t.periodOption, { n: String(p.n), from: f.date(p.startsOn), due: f.date(p.dueOn) })}
                </option>
              ))}
              <option value="">{t.wholeCommitment}</option>
            </select>
          </Field>
        )}
        <Field id="ev-observedOn" label={t.observedOn} error={errorFor("observedOn")}>
          <input type="date" defaultValue={initial?.observedOn ?? today} required {...fieldProps("observedOn")} />
        </Field>
        <Field id="ev-kind" label={t.kind} error={errorFor("kind")}>
          <select defaultValue={initial?.kind ?? "photo"} required {...fieldProps("kind")}>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ev-summary" label={t.summary} help={t.summaryHelp} error={errorFor("summary")}>
          <textarea
            rows={5}
            maxLength={2000}
            required
            defaultValue={initial?.summary}
            {...fieldProps("summary", true)}
          />
        </Field>
        <Field id="ev-sourceUrl" label={t.sourceUrl} help={t.sourceUrlHelp} error={errorFor("sourceUrl")}>
          <input
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            defaultValue={initial?.sourceUrl}
            {...fieldProps("sourceUrl", true)}
          />
        </Field>
        <Field id="ev-suggestedStatus" label={t.suggestedStatus} error={errorFor("suggestedStatus")}>
          <select defaultValue={initial?.suggestedStatus ?? ""} {...fieldProps("suggestedStatus")}>
            <option value="">{t.noSuggestion}</option>
            {statuses.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </Fragment>

      <FilesField
        files={files}
        errorFor={errorFor}
        hasListError={Boolean(errors.files)}
        onAdd={addFiles}
        onRemove={removeFile}
        t={t}
      />

      <FormAnswer phase={phase} problem={problem} commitmentId={commitment.id} m={m} />
      <noscript>
        <p className="form-error">{t.needsScript}</p>
      </noscript>
      <button type="submit" className="button button-primary" disabled={!hydrated || phase === "sending"}>
        {phase === "sending" ? t.sending : t.submit}
      </button>
    </form>
  );
}

/** Files come back from IndexedDB as File (or, in some browsers, as a plain Blob). */
function asFile({ name, type, blob }: Refusal["files"][number]): File {
  return blob instanceof File ? blob : new File([blob], name, { type });
}

/**
 * Puts today's date (in the app's time zone) in a date field still showing the page's: a page
 * opened from the offline cache was made on an earlier day.
 */
function setDateToToday(form: HTMLFormElement | null, pageToday: string, timeZone: string) {
  const input = form?.elements.namedItem("observedOn");
  if (!(input instanceof HTMLInputElement) || input.value !== pageToday) return;
  try {
    const parts = new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
      .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
    const now = `${parts.year}-${parts.month}-${parts.day}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(now)) input.value = now;
  } catch {
    // An unknown time zone: the page's date stays.
  }
}

function withoutFileErrors(errors: EvidenceErrors): EvidenceErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith("files")));
}
