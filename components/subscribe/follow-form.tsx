"use client";

import { useActionState } from "react";
import { asText, FormStatus } from "@/components/forms/form-helpers";
import { IDLE, type FormState } from "@/components/forms/form-state";
import { SelectField, TextField } from "@/components/forms/text-field";
import { FieldErrors, describedBy } from "@/components/forms/field";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";

type Option = { value: string; label: string };

/**
 * Asks for an address to follow a mesa, party or commitment by e-mail. `fixed` is a target
 * chosen on the page that linked here; otherwise the reader picks a mesa or a party.
 */
export function FollowForm({
  action,
  fixed,
  mesas,
  parties,
  locale,
  locales,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fixed: Option | null;
  mesas: Option[];
  parties: Option[];
  locale: Locale;
  locales: Locale[];
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = state.status === "error" ? state.values : {};
  const t = m.subscribe;
  if (state.status === "saved") {
    return (
      <p role="status" className="form-ok">
        {t.sent}
      </p>
    );
  }
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} m={m} />
      {fixed ? (
        <>
          <p>
            {t.following}: <strong>{fixed.label}</strong>
          </p>
          <input type="hidden" name="target" value={fixed.value} />
          <FieldErrors id="follow-target" codes={state.fieldErrors.target} m={m.errors} />
        </>
      ) : (
        <>
          <label htmlFor="follow-target">
            {t.chooseTarget}
            <select
              id="follow-target"
              name="target"
              defaultValue={asText(typed.target)}
              {...describedBy("follow-target", state.fieldErrors.target)}
            >
              <option value="">—</option>
              <optgroup label={t.mesasGroup}>
                {mesas.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t.partiesGroup}>
                {parties.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <FieldErrors id="follow-target" codes={state.fieldErrors.target} m={m.errors} />
        </>
      )}
      <TextField
        id="follow-email"
        name="email"
        type="email"
        autoComplete="email"
        maxLength={254}
        label={t.email}
        help={t.emailHelp}
        defaultValue={asText(typed.email)}
        codes={state.fieldErrors.email}
        m={m}
      />
      <SelectField
        id="follow-locale"
        name="locale"
        label={t.language}
        defaultValue={asText(typed.locale) || locale}
        codes={state.fieldErrors.locale}
        options={locales.map((code) => [code, t.languageNames[code]])}
        m={m}
      />
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : t.submit}
      </button>
    </form>
  );
}
