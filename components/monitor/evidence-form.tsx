"use client";

import { useRef, useState, useSyncExternalStore, type ChangeEvent, type FormEvent } from "react";
import { fill } from "@/i18n/locales";
import {
  checkEvidence,
  errorText,
  type EvidenceErrors,
  type EvidenceFields,
  type MonitorMessages,
} from "./evidence-rules";
import { Field, FormAnswer, type Phase } from "./form-parts";
import { submitEvidence } from "./outbox";

type Option = [value: string, label: string];

const noSubscription = () => () => {};

/**
 * The mobile-first evidence form. Every submission goes through the outbox (IndexedDB first), so
 * it survives a missing connection; the idempotency key is made once per submission, there.
 */
export function EvidenceForm({
  userId,
  commitment,
  today,
  kinds,
  statuses,
  m,
}: {
  userId: number;
  commitment: { id: number; code: string };
  today: string;
  kinds: Option[];
  statuses: Option[];
  m: MonitorMessages;
}) {
  // False on the server and while hydrating: the form posts with script only (it must queue).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>("idle");
  const [problem, setProblem] = useState<"form" | "forbidden" | "notFound" | null>(null);
  const [errors, setErrors] = useState<EvidenceErrors>({});
  const t = m.monitor;

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
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: keyof EvidenceFields) => String(data.get(name) ?? "");
    const fields: EvidenceFields = {
      observedOn: text("observedOn"),
      kind: text("kind"),
      summary: text("summary"),
      sourceUrl: text("sourceUrl").trim(),
      suggestedStatus: text("suggestedStatus"),
    };
    const found = checkEvidence(
      fields,
      files,
      kinds.map(([value]) => value),
    );
    if (Object.keys(found).length > 0) return showErrors(found, "form");

    setPhase("sending");
    setErrors({});
    setProblem(null);
    const outcome = await submitEvidence({
      userId,
      commitmentId: commitment.id,
      label: commitment.code,
      fields,
      files,
    });
    if (outcome.kind === "refused") return showErrors(outcome.errors, outcome.problem);
    if (outcome.kind !== "notStored") {
      // Sent or safely queued: a clean form for the next one (and no second copy by mistake).
      formRef.current?.reset();
      setFiles([]);
    }
    setPhase(outcome.kind === "kept" && outcome.reason === "signIn" ? "signIn" : outcome.kind);
  }

  function showErrors(found: EvidenceErrors, why: "form" | "forbidden" | "notFound") {
    setErrors(found);
    setProblem(why);
    setPhase("refused");
    const first = Object.keys(found)[0];
    const id = first === undefined ? null : first.startsWith("files") ? "ev-files" : `ev-${first}`;
    if (id) document.getElementById(id)?.focus();
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
      <Field id="ev-observedOn" label={t.observedOn} error={errorFor("observedOn")}>
        <input type="date" defaultValue={today} required {...fieldProps("observedOn")} />
      </Field>
      <Field id="ev-kind" label={t.kind} error={errorFor("kind")}>
        <select defaultValue="photo" required {...fieldProps("kind")}>
          {kinds.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ev-summary" label={t.summary} help={t.summaryHelp} error={errorFor("summary")}>
        <textarea rows={5} maxLength={2000} required {...fieldProps("summary", true)} />
      </Field>
      <Field id="ev-sourceUrl" label={t.sourceUrl} help={t.sourceUrlHelp} error={errorFor("sourceUrl")}>
        <input
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          {...fieldProps("sourceUrl", true)}
        />
      </Field>
      <Field id="ev-suggestedStatus" label={t.suggestedStatus} error={errorFor("suggestedStatus")}>
        <select defaultValue="" {...fieldProps("suggestedStatus")}>
          <option value="">{t.noSuggestion}</option>
          {statuses.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>

      <fieldset aria-describedby={errors.files ? "ev-files-help ev-files-error" : "ev-files-help"}>
        <legend>{t.files}</legend>
        <span id="ev-files-help" className="help">
          {t.filesHelp}
        </span>
        <div className="file-buttons">
          {/* `capture` opens the camera directly on phones; the other input picks existing files. */}
          <label className="button file-button">
            {t.takePhoto}
            <input id="ev-files" type="file" accept="image/*" capture="environment" onChange={addFiles} />
          </label>
          <label className="button file-button">
            {t.chooseFiles}
            <input type="file" multiple accept="image/*,application/pdf,audio/*" onChange={addFiles} />
          </label>
        </div>
        {files.length === 0 ? (
          <p className="muted">{t.noFiles}</p>
        ) : (
          <ul className="file-list">
            {files.map((file, i) => (
              <li key={`${i}-${file.name}-${file.size}`}>
                <span>
                  {file.name} <span className="muted">({megabytes(file.size)} MB)</span>
                </span>
                <button type="button" className="link-button" onClick={() => removeFile(i)}>
                  {fill(t.removeFile, { name: file.name })}
                </button>
                {errors[`files.${i}`] && <span className="field-error">{errorFor(`files.${i}`)}</span>}
              </li>
            ))}
          </ul>
        )}
        {errors.files && (
          <p id="ev-files-error" className="field-error">
            {errorFor("files")}
          </p>
        )}
      </fieldset>

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

function withoutFileErrors(errors: EvidenceErrors): EvidenceErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith("files")));
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1);
}
