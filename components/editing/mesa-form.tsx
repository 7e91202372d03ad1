"use client";

import { useActionState } from "react";
import type { MesaStatus } from "@/db/enums";
import { describedBy, FieldErrors } from "@/components/forms/field";
import { IDLE, type FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";
import { asText, errorsUnder, FormStatus, typedValues } from "@/components/forms/form-helpers";
import { TextField } from "@/components/forms/text-field";

export type MesaFormValues = {
  slug: string;
  name: string;
  region: string;
  province: string;
  district: string;
  convenedOn: string;
  status: string;
  description: string;
  conveningBody: string;
  followUpBody: string;
  /** One web address per line. */
  sourceLinks: string;
  /** Decimal degrees, blank when the mesa is not on the map yet. */
  latitude: string;
  longitude: string;
};

/**
 * A mesa's own fields. With `withSlug` it creates a mesa (the slug is chosen once); without, it
 * edits one. Errors appear next to each field; what was typed is kept.
 */
export function MesaForm({
  action,
  initial,
  statuses,
  withSlug,
  m,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: MesaFormValues;
  statuses: readonly MesaStatus[];
  withSlug: boolean;
  m: Messages;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const typed = typedValues(state);
  const value = (key: keyof MesaFormValues) => (typed ? asText(typed[key]) : initial[key]);
  const errors = state.fieldErrors;
  const e = m.editing;
  const optional = (label: string) => `${label} ${m.forms.optional}`;

  return (
    // Keyed by the answer, so the inputs show the values that came back (or the saved ones).
    <form key={JSON.stringify(state)} action={formAction} className="stack" noValidate>
      <FormStatus state={state} saved={e.mesaSaved} m={m} />
      {withSlug && (
        <TextField
          id="slug"
          label={e.slug}
          defaultValue={value("slug")}
          codes={errors.slug}
          help={e.slugHelp}
          maxLength={80}
          m={m}
        />
      )}
      <TextField id="name" label={e.name} defaultValue={value("name")} codes={errors.name} maxLength={200} m={m} />
      <TextField
        id="region"
        label={e.region}
        defaultValue={value("region")}
        codes={errors.region}
        maxLength={100}
        m={m}
      />
      <TextField
        id="province"
        label={optional(e.province)}
        defaultValue={value("province")}
        codes={errors.province}
        maxLength={100}
        m={m}
      />
      <TextField
        id="district"
        label={optional(e.district)}
        defaultValue={value("district")}
        codes={errors.district}
        maxLength={100}
        m={m}
      />
      <TextField
        id="convenedOn"
        type="date"
        label={optional(e.convenedOn)}
        defaultValue={value("convenedOn")}
        codes={errors.convenedOn}
        m={m}
      />

      <label htmlFor="status">
        {e.status}
        <select id="status" name="status" defaultValue={value("status")} {...describedBy("status", errors.status)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {m.mesaStatus[s]}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id="status" codes={errors.status} m={m.errors} />

      <TextField
        id="conveningBody"
        label={optional(e.conveningBody)}
        defaultValue={value("conveningBody")}
        codes={errors.conveningBody}
        maxLength={200}
        m={m}
      />
      <TextField
        id="followUpBody"
        label={optional(e.followUpBody)}
        help={e.followUpBodyHint}
        defaultValue={value("followUpBody")}
        codes={errors.followUpBody}
        maxLength={200}
        m={m}
      />
      <fieldset>
        <legend>{m.map.location}</legend>
        <TextField
          id="latitude"
          label={optional(m.map.latitude)}
          help={m.map.coordinatesHelp}
          defaultValue={value("latitude")}
          codes={errors.latitude}
          maxLength={20}
          m={m}
        />
        <TextField
          id="longitude"
          label={optional(m.map.longitude)}
          defaultValue={value("longitude")}
          codes={errors.longitude}
          maxLength={20}
          m={m}
        />
      </fieldset>
      <TextField
        id="description"
        multiline
        label={optional(e.description)}
        defaultValue={value("description")}
        codes={errors.description}
        m={m}
      />
      <TextField
        id="sourceLinks"
        multiline
        label={optional(e.sourceLinks)}
        defaultValue={value("sourceLinks")}
        codes={errorsUnder(errors, "sourceLinks")}
        help={e.sourceLinksHelp}
        m={m}
      />

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? m.forms.saving : withSlug ? e.createMesa : m.forms.save}
      </button>
    </form>
  );
}
