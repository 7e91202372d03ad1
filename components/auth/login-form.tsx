"use client";

import { useActionState } from "react";
import type { Messages } from "@/i18n/messages/es";

export type LoginState = { error?: "invalid" | "throttled"; email: string };

export function LoginForm({
  action,
  next,
  m,
}: {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  next: string;
  m: Messages["auth"];
}) {
  const [state, formAction, pending] = useActionState(action, { email: "" });
  return (
    <form action={formAction} className="stack" noValidate>
      {state.error && (
        <p role="alert" className="form-error">
          {m[state.error]}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <label>
        {m.email}
        <input type="email" name="email" autoComplete="username" required defaultValue={state.email} />
      </label>
      <label>
        {m.password}
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="button button-primary" disabled={pending}>
        {m.submit}
      </button>
    </form>
  );
}
