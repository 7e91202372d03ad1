"use client";

import { asList, asText, errorsUnder, FormStatus } from "@/components/forms/form-helpers";
import { useActionState } from "react";
import type { RecurrenceEvery, Theme, Visibility } from "@/db/enums";
import { FieldErrors } from "@/components/forms/field";
import { SelectField, TextField } from "@/components/forms/text-field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";

export type CommitmentFormValues = {
  code: string;
  title: string;
  text: string;
  theme: string;
  party: string[];
  lead: string;
  madeOn: string;
  dueOn: string;
  meeting: string;
  visibility: string;
  /** "" for a one-off commitment, else how often it recurs; the dates as YYYY-MM-DD or "". */
  recurrence: string;
  startsOn: string;
  endsOn: string;
};

/** Create or edit a commitment. Errors appear next to each field; what was typed is kept. */
export function CommitmentForm({
  action,
  initial,
  options,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: CommitmentFormValues;
  options: {
    themes: readonly Theme[];
    visibilities: readonly Visibility[];
    recurrences: readonly RecurrenceEvery[];
    parties: { slug: string; name: string }[];
    meetings: { number: number; label: string }[];
  };
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : undefined;
  const value = (key: keyof CommitmentFormValues) => (typed ? asText(typed[key]) : (initial[key] as string));
  const chosen = typed ? asList(typed.party) : initial.party;
  const errors = state.fieldErrors;
  const partyErrors = errorsUnder(errors, "responsibleParties");
  const f = m.forms;
  const p = m.periods;

  return (
    // Keyed by the answer, so the inputs show the values that came back with the errors.
    <form key={JSON.stringify(state.values)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} m={m} />
      <TextField
        id="code"
        label={f.code}
        help={f.codeHelp}
        maxLength={20}
        defaultValue={value("code")}
        codes={errors.code}
        m={m}
      />
      <TextField id="title" label={f.title} defaultValue={value("title")} codes={errors.title} m={m} />
      <TextField id="text" label={f.text} multiline defaultValue={value("text")} codes={errors.text} m={m} />
      <SelectField
        id="theme"
        label={f.theme}
        defaultValue={value("theme")}
        codes={errors.theme}
        options={[["", "—"], ...options.themes.map((t): [string, string] => [t, m.theme[t]])]}
        m={m}
      />

      <fieldset aria-describedby={partyErrors.length ? "parties-error" : undefined}>
        <legend>{f.parties}</legend>
        <span className="help">{f.partiesHelp}</span>
        {options.parties.map((p) => (
          <div key={p.slug} className="choice-row">
            <label>
              <input type="checkbox" name="party" value={p.slug} defaultChecked={chosen.includes(p.slug)} />
              {p.name}
            </label>
            <label>
              <input
                type="radio"
                name="lead"
                value={p.slug}
                defaultChecked={value("lead") === p.slug}
                aria-label={`${f.lead}: ${p.name}`}
              />
              {f.lead}
            </label>
          </div>
        ))}
      </fieldset>
      <FieldErrors id="parties" codes={partyErrors} m={m.errors} />

      <TextField id="madeOn" type="date" label={f.madeOn} defaultValue={value("madeOn")} codes={errors.madeOn} m={m} />
      <TextField
        id="dueOn"
        type="date"
        label={`${f.dueOn} ${f.optional}`}
        help={f.dueOnHelp}
        defaultValue={value("dueOn")}
        codes={errors.dueOn}
        m={m}
      />
      <fieldset>
        <legend>{p.formLegend}</legend>
        <span className="help">{p.formHelp}</span>
        <SelectField
          id="recurrence"
          label={p.formEvery}
          defaultValue={value("recurrence")}
          codes={errors["recurrence.every"]}
          options={[["", p.formNone], ...options.recurrences.map((r): [string, string] => [r, p.every[r]])]}
          m={m}
        />
        <TextField
          id="startsOn"
          type="date"
          label={`${p.formStartsOn} ${f.optional}`}
          help={p.formStartsOnHelp}
          defaultValue={value("startsOn")}
          codes={errors["recurrence.startsOn"]}
          m={m}
        />
        <TextField
          id="endsOn"
          type="date"
          label={`${p.formEndsOn} ${f.optional}`}
          help={p.formEndsOnHelp}
          defaultValue={value("endsOn")}
          codes={errors["recurrence.endsOn"]}
          m={m}
        />
      </fieldset>
      <SelectField
        id="meeting"
        label={f.meeting}
        defaultValue={value("meeting")}
        codes={errors.meeting}
        options={[["", f.noMeeting], ...options.meetings.map((mt): [string, string] => [String(mt.number), mt.label])]}
        m={m}
      />
      <SelectField
        id="visibility"
        label={f.visibility}
        defaultValue={value("visibility")}
        codes={errors.visibility}
        options={options.visibilities.map((v): [string, string] => [v, m.visibility[v]])}
        m={m}
      />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? f.saving : f.save}
      </button>
    </form>
  );
}
