"use client";

import { useActionState } from "react";
import type { ParticipationRole } from "@/db/enums";
import type { IssueCode } from "@/db/commands/errors";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";
import { asList, FormStatus, typedValues } from "@/components/forms/form-helpers";

/**
 * Who takes part in the mesa: one row per party with a role, or "not participating". Each row
 * posts a hidden `party` and a `role`, in document order; the command gets the rows with a role.
 */
export function ParticipationForm({
  action,
  parties,
  current,
  roles,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  parties: { slug: string; name: string }[];
  /** party slug → its current role. */
  current: Record<string, ParticipationRole>;
  roles: readonly ParticipationRole[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = typedValues(state);
  const chosen: Record<string, string> = typed
    ? Object.fromEntries(asList(typed.party).map((slug, i) => [slug, asList(typed.role)[i] ?? ""]))
    : current;

  // The command numbers only the rows with a role (`participants.N.…`): map N back to its party.
  const rowErrors: Record<string, IssueCode[]> = {};
  const listErrors: IssueCode[] = [];
  const sent = parties.filter((p) => chosen[p.slug]);
  for (const [path, codes] of Object.entries(state.fieldErrors)) {
    const index = /^participants\.(\d+)\./.exec(path)?.[1];
    const slug = index === undefined ? undefined : sent[Number(index)]?.slug;
    if (slug) (rowErrors[slug] ??= []).push(...codes);
    else listErrors.push(...codes);
  }
  const e = m.editing;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={e.participationSaved} m={m} />
      <fieldset {...describedBy("participants", listErrors)}>
        <legend>{e.participation}</legend>
        <span className="help">{e.participationHelp}</span>
        {parties.map((p) => {
          const id = `role-${p.slug}`;
          return (
            <div key={p.slug}>
              <div className="choice-row">
                <input type="hidden" name="party" value={p.slug} />
                <label htmlFor={id}>{p.name}</label>
                <select id={id} name="role" defaultValue={chosen[p.slug] ?? ""} {...describedBy(id, rowErrors[p.slug])}>
                  <option value="">{e.notParticipating}</option>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {m.role[role]}
                    </option>
                  ))}
                </select>
              </div>
              <FieldErrors id={id} codes={rowErrors[p.slug]} m={m.errors} />
            </div>
          );
        })}
      </fieldset>
      <FieldErrors id="participants" codes={listErrors} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : e.saveParticipation}
      </button>
    </form>
  );
}
