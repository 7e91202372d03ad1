"use client";

import { useActionState } from "react";
import type { PartyKind } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";
import { asText, FormStatus, typedValues } from "@/components/forms/form-helpers";
import { TextField } from "@/components/forms/text-field";

/**
 * Registers a party (without `party`: slug, name, kind) or edits one (name and kind; the slug
 * stays). Several sit on one page, so every id carries the form's own prefix.
 */
export function PartyForm({
  action,
  party,
  kinds,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  party?: { slug: string; name: string; kind: PartyKind };
  kinds: readonly PartyKind[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = typedValues(state);
  const initial = { slug: "", name: party?.name ?? "", kind: party?.kind ?? "" };
  const value = (key: keyof typeof initial) => (typed ? asText(typed[key]) : initial[key]);
  const errors = state.fieldErrors;
  const prefix = party ? `party-${party.slug}` : "new-party";
  const e = m.editing;

  return (
    <form
      key={JSON.stringify(state)}
      action={formAction}
      className="stack"
      aria-label={party ? party.name : e.newParty}
      noValidate
    >
      <FormStatus state={state} saved={party ? e.partySaved : e.partyCreated} m={m} />
      {!party && (
        <TextField
          id={`${prefix}-slug`}
          name="slug"
          label={e.slug}
          defaultValue={value("slug")}
          codes={errors.slug}
          help={e.partySlugHelp}
          maxLength={80}
          m={m}
        />
      )}
      <TextField
        id={`${prefix}-name`}
        name="name"
        label={e.partyName}
        defaultValue={value("name")}
        codes={errors.name}
        maxLength={200}
        m={m}
      />
      <label htmlFor={`${prefix}-kind`}>
        {e.partyKind}
        <select
          id={`${prefix}-kind`}
          name="kind"
          defaultValue={value("kind")}
          {...describedBy(`${prefix}-kind`, errors.kind)}
        >
          {!party && <option value="">—</option>}
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {m.partyKind[kind]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id={`${prefix}-kind`} codes={errors.kind} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : party ? m.forms.save : e.newParty}
      </button>
    </form>
  );
}
