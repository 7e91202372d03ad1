"use client";

import { useActionState } from "react";
import { asText, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { SelectField } from "@/components/forms/text-field";
import { DIGEST_FREQUENCIES } from "@/db/enums";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";

export function MailPreferencesForm({
  action,
  saved,
  locales,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  saved: { digest: string; locale: string };
  locales: Locale[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const t = m.notificationSettings;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={t.saved} m={m} />
      <SelectField
        id="mail-digest"
        name="digest"
        label={t.digest}
        defaultValue={asText(typed.digest) || saved.digest}
        codes={state.fieldErrors.digest}
        options={DIGEST_FREQUENCIES.map((f) => [f, t.digestOptions[f]])}
        m={m}
      />
      <SelectField
        id="mail-locale"
        name="locale"
        label={t.language}
        defaultValue={asText(typed.locale) || saved.locale}
        codes={state.fieldErrors.locale}
        options={locales.map((code) => [code, m.subscribe.languageNames[code]])}
        m={m}
      />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : t.submit}
      </button>
    </form>
  );
}
