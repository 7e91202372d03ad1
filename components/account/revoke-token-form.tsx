"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

export function RevokeTokenForm({
  action,
  name,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="choice-row">
      <button type="submit" className="button" disabled={pending} aria-label={fill(m.tokens.revokeLabel, { name })}>
        {m.tokens.revoke}
      </button>
      {state.formError && (
        <span role="alert" className="field-error">
          {m.errors[state.formError]}
        </span>
      )}
    </form>
  );
}
