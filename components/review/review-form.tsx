"use client";

import { useActionState } from "react";
import type { Status } from "@/db/enums";
import { FieldErrors } from "@/components/forms/field";
import { asText, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { SelectField, TextField } from "@/components/forms/text-field";
import type { Messages } from "@/i18n/messages/es";

/**
 * A commissioner's decision on one piece of evidence: accept or reject, a note, and optionally the
 * commitment's new official status. Several sit on one page, so ids carry the evidence's id.
 */
export function ReviewForm({
  action,
  evidenceId,
  statuses,
  labelledBy,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  evidenceId: number;
  /** The statuses a review may set (not `superseded`, which needs a replacement). */
  statuses: readonly Status[];
  /** The id of the item's heading, which names the form. */
  labelledBy: string;
  m: Messages;
}) {
  // The Server Action itself, so the form also works without script; the count above follows
  // the page the action renders (ReviewCounts).
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const id = (field: string) => `e${evidenceId}-${field}`;
  const decision = asText(typed.decision);
  const r = m.review;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" aria-labelledby={labelledBy} noValidate>
      <FormStatus state={state} m={m} />
      <fieldset aria-describedby={errors.decision?.length ? `${id("decision")}-error` : undefined}>
        <legend>{r.decision}</legend>
        <label className="choice-row">
          <input type="radio" name="decision" value="accepted" defaultChecked={decision === "accepted"} />
          {r.accept}
        </label>
        <label className="choice-row">
          <input type="radio" name="decision" value="rejected" defaultChecked={decision === "rejected"} />
          {r.reject}
        </label>
      </fieldset>
      <FieldErrors id={id("decision")} codes={errors.decision} m={m.errors} />
      <TextField
        id={id("note")}
        name="note"
        label={r.note}
        help={r.noteHelp}
        multiline
        maxLength={2000}
        defaultValue={asText(typed.note)}
        codes={errors.note}
        m={m}
      />
      <SelectField
        id={id("setStatus")}
        name="setStatus"
        label={r.setStatus}
        defaultValue={asText(typed.setStatus)}
        codes={errors.setStatus}
        options={[["", r.noStatusChange], ...statuses.map((st): [string, string] => [st, m.status[st]])]}
        m={m}
      />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : r.submit}
      </button>
    </form>
  );
}
