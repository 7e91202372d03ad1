"use client";

import { asList, asText, errorsUnder, FormStatus } from "@/components/forms/form-helpers";
import { useActionState } from "react";
import type { Theme, Visibility } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
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

  return (
    // Keyed by the answer, so the inputs show the values that came back with the errors.
    <form key={JSON.stringify(state.values)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} m={m} />
      <label htmlFor="code">
        {f.code}
        <input
          id="code"
          name="code"
          type="text"
          defaultValue={value("code")}
          maxLength={20}
          {...describedBy("code", errors.code)}
        />
        <span className="help">{f.codeHelp}</span>
      </label>
      <FieldErrors id="code" codes={errors.code} m={m.errors} />

      <label htmlFor="title">
        {f.title}
        <input
          id="title"
          name="title"
          type="text"
          defaultValue={value("title")}
          {...describedBy("title", errors.title)}
        />
      </label>
      <FieldErrors id="title" codes={errors.title} m={m.errors} />

      <label htmlFor="text">
        {f.text}
        <textarea id="text" name="text" defaultValue={value("text")} {...describedBy("text", errors.text)} />
      </label>
      <FieldErrors id="text" codes={errors.text} m={m.errors} />

      <label htmlFor="theme">
        {f.theme}
        <select id="theme" name="theme" defaultValue={value("theme")} {...describedBy("theme", errors.theme)}>
          <option value="">—</option>
          {options.themes.map((t) => (
            <option key={t} value={t}>
              {m.theme[t]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="theme" codes={errors.theme} m={m.errors} />

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

      <label htmlFor="madeOn">
        {f.madeOn}
        <input
          id="madeOn"
          name="madeOn"
          type="date"
          defaultValue={value("madeOn")}
          {...describedBy("madeOn", errors.madeOn)}
        />
      </label>
      <FieldErrors id="madeOn" codes={errors.madeOn} m={m.errors} />

      <label htmlFor="dueOn">
        {f.dueOn} {f.optional}
        <input
          id="dueOn"
          name="dueOn"
          type="date"
          defaultValue={value("dueOn")}
          {...describedBy("dueOn", errors.dueOn)}
        />
        <span className="help">{f.dueOnHelp}</span>
      </label>
      <FieldErrors id="dueOn" codes={errors.dueOn} m={m.errors} />

      <label htmlFor="meeting">
        {f.meeting}
        <select id="meeting" name="meeting" defaultValue={value("meeting")} {...describedBy("meeting", errors.meeting)}>
          <option value="">{f.noMeeting}</option>
          {options.meetings.map((meeting) => (
            <option key={meeting.number} value={meeting.number}>
              {meeting.label}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="meeting" codes={errors.meeting} m={m.errors} />

      <label htmlFor="visibility">
        {f.visibility}
        <select
          id="visibility"
          name="visibility"
          defaultValue={value("visibility")}
          {...describedBy("visibility", errors.visibility)}
        >
          {options.visibilities.map((v) => (
            <option key={v} value={v}>
              {m.visibility[v]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="visibility" codes={errors.visibility} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? f.saving : f.save}
      </button>
    </form>
  );
}
