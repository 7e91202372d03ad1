"use client";

import { useActionState } from "react";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";
import { asList, asText, errorsUnder, FormStatus, typedValues } from "@/components/forms/form-helpers";
import { TextField } from "@/components/forms/text-field";

export type MeetingFormValues = {
  number: string;
  heldOn: string;
  place: string;
  summary: string;
  attendee: string[];
};

/** Record or edit a meeting (sesión): number, date, place, summary and the attending parties. */
export function MeetingForm({
  action,
  initial,
  parties,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: MeetingFormValues;
  parties: { slug: string; name: string }[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = typedValues(state);
  const value = (key: Exclude<keyof MeetingFormValues, "attendee">) => (typed ? asText(typed[key]) : initial[key]);
  const attending = typed ? asList(typed.attendee) : initial.attendee;
  const errors = state.fieldErrors;
  const attendeeErrors = errorsUnder(errors, "attendees");
  const e = m.editing;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} m={m} />
      <TextField
        id="number"
        type="number"
        label={e.meetingNumber}
        defaultValue={value("number")}
        codes={errors.number}
        m={m}
      />
      <TextField id="heldOn" type="date" label={e.heldOn} defaultValue={value("heldOn")} codes={errors.heldOn} m={m} />
      <TextField
        id="place"
        label={`${e.place} ${m.forms.optional}`}
        defaultValue={value("place")}
        codes={errors.place}
        maxLength={200}
        m={m}
      />
      <TextField
        id="summary"
        multiline
        label={`${e.summary} ${m.forms.optional}`}
        defaultValue={value("summary")}
        codes={errors.summary}
        m={m}
      />

      <fieldset {...describedBy("attendees", attendeeErrors)}>
        <legend>{e.attendees}</legend>
        {parties.map((p) => (
          <label key={p.slug} className="choice-row">
            <input type="checkbox" name="attendee" value={p.slug} defaultChecked={attending.includes(p.slug)} />
            {p.name}
          </label>
        ))}
      </fieldset>
      <FieldErrors id="attendees" codes={attendeeErrors} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : m.forms.save}
      </button>
    </form>
  );
}
