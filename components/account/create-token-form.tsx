"use client";

import { useActionState } from "react";
import { asText, FormStatus } from "@/components/forms/form-helpers";
import { TextField } from "@/components/forms/text-field";
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
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : t.create}
      </button>
    </form>
  );
}
