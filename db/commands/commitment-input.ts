import { z } from "zod";
import { PERIOD_STATUSES, RECURRENCE_EVERY, STATUSES, THEMES, VISIBILITIES } from "../enums";
import { isoDateSchema, slugSchema } from "../queries/filters";
import type { FieldIssue } from "./errors";
import { textField } from "./form-data";

// The inputs of commitment writes, shared by the JSON API and the forms.

const fields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(10_000),
  theme: z.enum(THEMES),
  responsibleParties: z
    .array(z.object({ slug: slugSchema, lead: z.boolean().default(false) }).strict())
    .min(1)
    .max(20),
  madeOn: isoDateSchema,
  dueOn: isoDateSchema.nullable(),
  meeting: z.number().int().positive().nullable(),
  visibility: z.enum(VISIBILITIES),
  /** CONTRACT §1 recurring commitment; `startsOn` defaults to `madeOn`, `endsOn` to open-ended. */
  recurrence: z
    .object({
      every: z.enum(RECURRENCE_EVERY),
      startsOn: isoDateSchema.nullable().default(null),
      endsOn: isoDateSchema.nullable().default(null),
    })
    .strict()
    .nullable(),
};

export const createCommitmentSchema = z
  .object({
    mesa: slugSchema,
    ...fields,
    dueOn: fields.dueOn.default(null),
    meeting: fields.meeting.default(null),
    visibility: fields.visibility.default("public"),
    recurrence: fields.recurrence.default(null),
  })
  .strict();
export type CreateCommitmentInput = z.output<typeof createCommitmentSchema>;

/** PATCH: any subset of the fields; the status changes only through its own command. */
export const updateCommitmentSchema = z.object(fields).partial().strict();
export type UpdateCommitmentInput = z.output<typeof updateCommitmentSchema>;

export const statusChangeSchema = z
  .object({
    status: z.enum(STATUSES),
    reason: z.string().trim().min(1).max(2000),
    evidenceIds: z.array(z.number().int().positive()).max(50).default([]),
    supersededBy: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

/** CONTRACT §5 `POST /commitments/{id}/periods/{n}/status`. */
export const periodStatusSchema = z
  .object({
    status: z.enum(PERIOD_STATUSES),
    reason: z.string().trim().min(1).max(2000),
    evidenceIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .strict();
export type PeriodStatusInput = z.output<typeof periodStatusSchema>;

/**
 * Rules across fields, checked on the complete commitment (after merging a PATCH). A field left
 * out (it was not valid by itself) skips the rules that need it.
 */
export function crossFieldIssues(c: {
  responsibleParties?: { slug: string; lead: boolean }[];
  madeOn?: string;
  dueOn?: string | null;
  recurrence?: { startsOn: string | null; endsOn: string | null } | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.responsibleParties && c.responsibleParties.filter((p) => p.lead).length !== 1) {
    issues.push({ path: "responsibleParties", code: "one_lead" });
  }
  if (c.madeOn !== undefined && c.dueOn != null && c.dueOn < c.madeOn) {
    issues.push({ path: "dueOn", code: "due_before_made" });
  }
  const startsOn = c.recurrence?.startsOn ?? c.madeOn;
  if (c.recurrence?.endsOn != null && startsOn !== undefined && c.recurrence.endsOn < startsOn) {
    issues.push({ path: "recurrence.endsOn", code: "ends_before_start" });
  }
  return issues;
}

const optionalNumber = (value: string | undefined) => (value ? Number(value) : null);

/** A commitment form's fields → the API's input shape (checkboxes `party`, radio `lead`). */
export function commitmentFromForm(formData: FormData) {
  const lead = textField(formData, "lead");
  return {
    code: textField(formData, "code"),
    title: textField(formData, "title"),
    text: textField(formData, "text"),
    theme: textField(formData, "theme"),
    responsibleParties: formData.getAll("party").map((slug) => ({ slug: String(slug), lead: slug === lead })),
    madeOn: textField(formData, "madeOn"),
    dueOn: textField(formData, "dueOn") || null,
    meeting: optionalNumber(textField(formData, "meeting")),
    visibility: textField(formData, "visibility"),
    recurrence: textField(formData, "recurrence")
      ? {
          every: textField(formData, "recurrence"),
          startsOn: textField(formData, "startsOn") || null,
          endsOn: textField(formData, "endsOn") || null,
        }
      : null,
  };
}

/** A period's status form → the API's input shape. */
export function periodStatusFromForm(formData: FormData) {
  return {
    status: textField(formData, "status"),
    reason: textField(formData, "reason"),
    evidenceIds: formData.getAll("evidence").map(Number),
  };
}

/** A status form's fields → the API's input shape. */
export function statusChangeFromForm(formData: FormData) {
  return {
    status: textField(formData, "status"),
    reason: textField(formData, "reason"),
    evidenceIds: formData.getAll("evidence").map(Number),
    supersededBy: optionalNumber(textField(formData, "supersededBy")),
  };
}
