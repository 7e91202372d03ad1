"use client";

import { useActionState } from "react";
import { asText, FormStatus } from "@/components/forms/form-helpers";
import { TextField } from "@/components/forms/text-field";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { TokenLifetime } from "@/db/commands/tokens";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * A create-token answer: on success it carries the new token, which exists nowhere else, and its
 * expiry date as the reader's language writes it (null: it does not expire).
 */
export type TokenFormState = FormState & { created?: { name: string; token: string; expiresOn: string | null } };

export function CreateTokenForm({
  action,
  lifetimes,
  defaultLifetime,
  m,
}: {
  action: (state: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  lifetimes: readonly TokenLifetime[];
  defaultLifetime: TokenLifetime;
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE as TokenFormState);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const t = m.tokens;
  const x = m.tokenControls;
  const expiresIn = asText(typed.expiresIn) || defaultLifetime;

  return (
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      {state.created && (
        <div role="status" className="form-ok stack">
          <label htmlFor="new-token">
            {t.newToken} ({state.created.name})
            <input
              id="new-token"
              type="text"
              readOnly
              value={state.created.token}
              spellCheck={false}
              autoComplete="off"
              aria-describedby="new-token-note"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p id="new-token-note">
            <strong>{t.copyNow}</strong>{" "}
            {state.created.expiresOn ? fill(x.newTokenExpiry, { date: state.created.expiresOn }) : x.newTokenNoExpiry}
          </p>
        </div>
      )}
      <FormStatus state={state} m={m} />
      <TextField
        id="token-name"
        name="name"
        maxLength={100}
        autoComplete="off"
        label={t.name}
        help={t.nameHelp}
        defaultValue={asText(typed.name)}
        codes={errors.name}
        m={m}
      />
      <label htmlFor="token-expires-in">
        {x.expiresIn}
        <select
          id="token-expires-in"
          name="expiresIn"
          defaultValue={expiresIn}
          {...describedBy("token-expires-in", errors.expiresIn)}
        >
          {lifetimes.map((lifetime) => (
            <option key={lifetime} value={lifetime}>
              {x.lifetime[lifetime]}
            </option>
          ))}
        </select>
        <span className="help">{x.expiresInHelp}</span>
      </label>
      <FieldErrors id="token-expires-in" codes={errors.expiresIn} m={m.errors} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : t.create}
      </button>
    </form>
  );
}
