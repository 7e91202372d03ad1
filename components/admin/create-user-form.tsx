"use client";

import { useActionState } from "react";
import { FieldErrors } from "@/components/forms/field";
import { asList, asText, FormStatus } from "@/components/forms/form-helpers";
import { SelectField, TextField } from "@/components/forms/text-field";
import type { Role } from "@/db/enums";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The admin's form to create an account. Errors appear next to each field; what was typed is kept. */
export function CreateUserForm({
  action,
  roles,
  mesas,
  m,
}: {
  action: Action;
  roles: readonly Role[];
  mesas: { slug: string; name: string }[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const mesaErrors = Object.entries(errors)
    .filter(([path]) => path === "mesas" || path.startsWith("mesas."))
    .flatMap(([, codes]) => codes);
  const chosen = asList(typed.mesas);
  const a = m.admin;

  return (
    // Keyed by the answer, so the inputs show the values that came back with the errors (and a
    // saved form starts empty again).
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={fill(a.created, { email: asText(state.values.email) })} m={m} />
      <TextField
        id="new-email"
        name="email"
        type="email"
        autoComplete="off"
        label={a.email}
        defaultValue={asText(typed.email)}
        codes={errors.email}
        m={m}
      />
      <TextField
        id="new-name"
        name="name"
        maxLength={120}
        autoComplete="off"
        label={a.name}
        defaultValue={asText(typed.name)}
        codes={errors.name}
        m={m}
      />
      <SelectField
        id="new-role"
        name="role"
        label={a.role}
        defaultValue={asText(typed.role) || "monitor"}
        codes={errors.role}
        options={roles.map((role): [string, string] => [role, m.userRole[role]])}
        m={m}
      />

      <fieldset aria-describedby={mesaErrors.length ? "new-mesas-error" : "new-mesas-help"}>
        <legend>{a.mesas}</legend>
        <span id="new-mesas-help" className="help">
          {a.mesasHelp}
        </span>
        {mesas.map((mesa) => (
          <label key={mesa.slug} className="choice-row">
            <input type="checkbox" name="mesas" value={mesa.slug} defaultChecked={chosen.includes(mesa.slug)} />
            {mesa.name}
          </label>
        ))}
      </fieldset>
      <FieldErrors id="new-mesas" codes={mesaErrors} m={m.errors} />

      <TextField
        id="new-password"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={1024}
        label={a.password}
        help={a.passwordHelp}
        defaultValue=""
        codes={errors.password}
        m={m}
      />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : a.create}
      </button>
    </form>
  );
}
