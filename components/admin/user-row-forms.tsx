"use client";

import { asList } from "@/components/forms/form-helpers";
import { useActionState } from "react";
import type { Role } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

// The small per-user forms of the admin table. Each has its own Server Action (bound to the
// user's id) and shows its own answer; ids are prefixed with the user's so they stay unique.

export type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;
type Props = { action: RowAction; userId: number; email: string; m: Messages };

/** Saved, forbidden/not found, or the "not on your own account" refusal (issue path `userId`). */
function Answer({ state, m }: { state: FormState; m: Messages }) {
  if (state.status === "saved") {
    return (
      <span role="status" className="muted">
        {m.admin.saved}
      </span>
    );
  }
  const message = state.fieldErrors.userId
    ? m.admin.self
    : state.formError && state.formError !== "form"
      ? m.errors[state.formError]
      : null;
  return message ? (
    <span role="alert" className="field-error">
      {message}
    </span>
  ) : null;
}

export function RoleForm({
  action,
  userId,
  email,
  current,
  roles,
  m,
}: Props & { current: Role; roles: readonly Role[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = `u${userId}-role`;
  const typed = state.status === "error" ? asList(state.values.role)[0] : undefined;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="choice-row" noValidate>
      <select
        id={id}
        name="role"
        aria-label={fill(m.admin.roleOf, { email })}
        defaultValue={typed ?? current}
        {...describedBy(id, state.fieldErrors.role)}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {m.userRole[role]}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={pending}>
        {m.admin.saveRole}
      </button>
      <FieldErrors id={id} codes={state.fieldErrors.role} m={m.errors} />
      <Answer state={state} m={m} />
    </form>
  );
}

export function MesasForm({
  action,
  userId,
  email,
  current,
  mesas,
  m,
}: Props & { current: string[]; mesas: { slug: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = `u${userId}-mesas`;
  const chosen = state.status === "error" ? asList(state.values.mesas) : current;
  const errors = Object.entries(state.fieldErrors)
    .filter(([path]) => path === "mesas" || path.startsWith("mesas."))
    .flatMap(([, codes]) => codes);
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate>
      <fieldset
        className="choice-row"
        aria-label={fill(m.admin.mesasOf, { email })}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      >
        {mesas.map((mesa) => (
          <label key={mesa.slug}>
            <input type="checkbox" name="mesas" value={mesa.slug} defaultChecked={chosen.includes(mesa.slug)} />
            {mesa.name}
          </label>
        ))}
        <button type="submit" className="button" disabled={pending}>
          {m.admin.saveMesas}
        </button>
      </fieldset>
      <FieldErrors id={id} codes={errors} m={m.errors} />
      <Answer state={state} m={m} />
    </form>
  );
}

/** Disable or enable; the parent keys it by the current state so a change starts afresh. */
export function AccountStateForm({ action, email, disabled, m }: Props & { disabled: boolean }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const label = fill(disabled ? m.admin.enableLabel : m.admin.disableLabel, { email });
  return (
    <form action={formAction} className="choice-row">
      <button type="submit" className="button" disabled={pending} aria-label={label}>
        {disabled ? m.admin.enable : m.admin.disable}
      </button>
      {state.status === "error" && <Answer state={state} m={m} />}
    </form>
  );
}

export function PasswordForm({ action, userId, email, m }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const id = `u${userId}-password`;
  return (
    <form key={JSON.stringify(state)} action={formAction} className="choice-row" noValidate>
      <input
        id={id}
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={1024}
        aria-label={fill(m.admin.passwordOf, { email })}
        {...describedBy(id, state.fieldErrors.password)}
      />
      <button type="submit" className="button" disabled={pending}>
        {m.admin.resetPassword}
      </button>
      <FieldErrors id={id} codes={state.fieldErrors.password} m={m.errors} />
      <Answer state={state} m={m} />
    </form>
  );
}
