"use client";

import { useActionState } from "react";
import type { PeriodStatus } from "@/db/enums";
import { asList, asText, errorsUnder, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { SelectField, TextField } from "@/components/forms/text-field";
import type { Messages } from "@/i18n/messages/es";
import { CitedEvidence } from "./cited-evidence";

/**
 * The commissioner's form to set one period's status with a reason: the latest elapsed period
 * unless another is chosen. Its ids are apart from the commitment's status form on the same page.
 */
export function PeriodStatusForm({
  action,
  periods,
  statuses,
  evidence,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The elapsed periods, oldest first, each as its number and how it reads. */
  periods: { n: number; label: string }[];
  statuses: readonly PeriodStatus[];
  evidence: { id: number; label: string }[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const p = m.periods;
  const latest = String(periods.at(-1)?.n ?? "");

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={p.saved} m={m} />
      <SelectField
        id="period-n"
        name="period"
        label={p.period}
        defaultValue={asText(typed.period) || latest}
        codes={errors.n}
        options={periods.map(({ n, label }): [string, string] => [String(n), label])}
        m={m}
      />
      <SelectField
        id="period-status"
        name="status"
        label={p.newStatus}
        defaultValue={asText(typed.status)}
        codes={errors.status}
        options={[["", p.choose], ...statuses.map((st): [string, string] => [st, m.status[st]])]}
        m={m}
      />
      <TextField
        id="period-reason"
        name="reason"
        label={m.forms.reason}
        multiline
        defaultValue={asText(typed.reason)}
        codes={errors.reason}
        m={m}
      />
      <CitedEvidence
        id="period-evidence"
        evidence={evidence}
        cited={asList(typed.evidence)}
        codes={errorsUnder(errors, "evidenceIds")}
        m={m}
      />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : p.submit}
      </button>
    </form>
  );
}
