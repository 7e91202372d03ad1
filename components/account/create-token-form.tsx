"use client";

import { asText } from "@/components/forms/form-helpers";
import { useActionState } from "react";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";

/** A create-token answer: on success it carries the new token, which exists nowhere else. */
export type TokenFormState = FormState & { created?: { name: string; token: string } };

export function CreateTokenForm({
  action,
  m,
}: {
  action: (state: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE as TokenFormState);
  const typed = state.status === "error" ? state.values : {};
  const errors = state.fieldErrors;
  const t = m.tokens;

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
            <strong>{t.copyNow}</strong>
          </p>
        </div>
      )}
      {state.formError && (
        <p role="alert" className="form-error">
          {m.errors[state.formError]}
        </p>
      )}
      <label htmlFor="token-name">
        {t.name}
        <input
          id="token-name"
          name="name"
          type="text"
          maxLength={100}
          autoComplete="off"
          defaultValue={asText(typed.name)}
          {...describedBy("token-name", errors.name)}
        />
        <span className="help">{t.nameHelp}</span>
      </label>
      <FieldErrors id="token-name" codes={errors.name} m={m.errors} />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : t.create}
      </button>
    </form>
  );
}
