"use client";

import { useActionState } from "react";
import { IDLE } from "@/components/forms/form-state";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import type { RowAction } from "./user-row-forms";

/**
 * Revokes every API token of a user. The button first opens a warning with the real one, so a
 * slip of the mouse cannot cut off someone's scripts; it works without JavaScript (<details>).
 */
export function RevokeUserTokensForm({
  action,
  userId,
  email,
  m,
}: {
  action: RowAction;
  userId: number;
  email: string;
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const x = m.tokenControls;
  const warning = `u${userId}-tokens-warning`;
  return (
    <div className="stack">
      <details key={JSON.stringify(state)}>
        <summary aria-label={fill(x.revokeAllOf, { email })}>{x.revokeAll}</summary>
        <form action={formAction} className="stack">
          <p id={warning}>{fill(x.revokeAllWarning, { email })}</p>
          <button type="submit" className="button" disabled={pending} aria-describedby={warning}>
            {x.revokeAllConfirm}
          </button>
        </form>
      </details>
      {state.status === "saved" && (
        <span role="status" className="muted">
          {fill(x.revokedCount, { n: String(state.values.tokensRevoked ?? 0) })}
        </span>
      )}
      {state.formError && (
        <span role="alert" className="field-error">
          {m.errors[state.formError]}
        </span>
      )}
    </div>
  );
}
