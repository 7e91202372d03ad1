"use client";

import { asList, asText } from "@/components/forms/form-helpers";
import { useActionState } from "react";
import type { Role } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { fill } from "@/i18n/locales";
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
      {state.status === "saved" && (
        <p role="status" className="form-ok">
          {fill(a.created, { email: asText(state.values.email) })}
        </p>
      )}
      {state.formError && (
        <p role="alert" className="form-error">
          {m.errors[state.formError]}
        </p>
      )}
      <label htmlFor="new-email">
        {a.email}
        <input
          id="new-email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={asText(typed.email)}
          {...describedBy("new-email", errors.email)}
        />
      </label>
      <FieldErrors id="new-email" codes={errors.email} m={m.errors} />

      <label htmlFor="new-name">
        {a.name}
        <input
          id="new-name"
          name="name"
          type="text"
          maxLength={120}
          autoComplete="off"
          defaultValue={asText(typed.name)}
          {...describedBy("new-name", errors.name)}
        />
      </label>
      <FieldErrors id="new-name" codes={errors.name} m={m.errors} />

      <label htmlFor="new-role">
        {a.role}
        <select
          id="new-role"
          name="role"
          defaultValue={asText(typed.role) || "monitor"}
          {...describedBy("new-role", errors.role)}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {m.userRole[role]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="new-role" codes={errors.role} m={m.errors} />

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

      <label htmlFor="new-password">
        {a.password}
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={1024}
          {...describedBy("new-password", errors.password)}
        />
        <span className="help">{a.passwordHelp}</span>
      </label>
      <FieldErrors id="new-password" codes={errors.password} m={m.errors} />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : a.create}
      </button>
    </form>
  );
}
