"use client";

import { useActionState } from "react";
import type { Status } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { errorsUnder, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";

/** The commissioner's form to set a commitment's official status, with a reason. */
export function StatusForm({
  action,
  current,
  statuses,
  evidence,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  current: Status;
  statuses: readonly Status[];
  evidence: { id: number; label: string }[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const evidenceErrors = errorsUnder(errors, "evidenceIds");
  const text = (key: string, fallback = "") => {
    const v = typed[key];
    return Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
  };
  const cited = ([] as string[]).concat(typed.evidence ?? []);
  const f = m.forms;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={f.statusSaved} m={m} />
      <label htmlFor="status">
        {f.newStatus}
        <select
          id="status"
          name="status"
          defaultValue={text("status", current)}
          {...describedBy("status", errors.status)}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {m.status[s]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="status" codes={errors.status} m={m.errors} />

      <label htmlFor="reason">
        {f.reason}
        <textarea id="reason" name="reason" defaultValue={text("reason")} {...describedBy("reason", errors.reason)} />
      </label>
      <FieldErrors id="reason" codes={errors.reason} m={m.errors} />

      <label htmlFor="supersededBy">
        {f.supersededBy} {f.optional}
        <input
          id="supersededBy"
          name="supersededBy"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={text("supersededBy")}
          {...describedBy("supersededBy", errors.supersededBy)}
        />
      </label>
      <FieldErrors id="supersededBy" codes={errors.supersededBy} m={m.errors} />

      {evidence.length > 0 && (
        <fieldset aria-describedby={evidenceErrors.length ? "evidence-error" : undefined}>
          <legend>{f.citedEvidence}</legend>
          {evidence.map((e) => (
            <label key={e.id} className="choice-row">
              <input type="checkbox" name="evidence" value={e.id} defaultChecked={cited.includes(String(e.id))} />
              {e.label}
            </label>
          ))}
        </fieldset>
      )}
      <FieldErrors id="evidence" codes={evidenceErrors} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? f.saving : f.changeStatus}
      </button>
    </form>
  );
}
