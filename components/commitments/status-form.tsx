"use client";

import { useActionState } from "react";
import type { Status } from "@/db/enums";
import { SelectField, TextField } from "@/components/forms/text-field";
import { asList, errorsUnder, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";
import { CitedEvidence } from "./cited-evidence";

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
  const text = (key: string, fallback = "") => {
    const v = typed[key];
    return Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
  };
  const f = m.forms;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={f.statusSaved} m={m} />
      <SelectField
        id="status"
        label={f.newStatus}
        defaultValue={text("status", current)}
        codes={errors.status}
        options={statuses.map((st): [string, string] => [st, m.status[st]])}
        m={m}
      />
      <TextField id="reason" label={f.reason} multiline defaultValue={text("reason")} codes={errors.reason} m={m} />
      <TextField
        id="supersededBy"
        type="number"
        label={`${f.supersededBy} ${f.optional}`}
        defaultValue={text("supersededBy")}
        codes={errors.supersededBy}
        m={m}
      />

      <CitedEvidence
        id="evidence"
        evidence={evidence}
        cited={asList(typed.evidence)}
        codes={errorsUnder(errors, "evidenceIds")}
        m={m}
      />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? f.saving : f.changeStatus}
      </button>
    </form>
  );
}
