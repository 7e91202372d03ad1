import { z } from "zod";
import { MESA_STATUSES, PARTICIPATION_ROLES, PARTY_KINDS } from "../enums";
import { isoDateSchema, slugSchema } from "../queries/filters";
import type { FieldIssue } from "./errors";
import { textField, textFields } from "./form-data";

// The inputs of mesa, participation, meeting and party writes, shared by forms and any API.

/** A required slug; `abort` so that an empty one reads "required", not also "invalid". */
const slug = z.string().trim().min(1, { abort: true }).pipe(slugSchema);
const required = (max: number) => z.string().trim().min(1).max(max);
/** A nullable text column: blank means "not known" and is stored as null. */
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => v || null);

const isWebAddress = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Peru's extent with a little margin (decimal degrees, WGS 84). Every mesa is in Peru, so a point
 * outside is a typo: a lost minus sign, or latitude and longitude swapped.
 */
export const PERU_BOUNDS = { south: -18.5, north: 0, west: -81.5, east: -68.5 } as const;
const degrees = (min: number, max: number) =>
  z
    .number()
    .refine((v) => v >= min && v <= max, { message: "invalid" })
    .nullable();

/** A mesa is placed by both coordinates or by neither: the missing one is the field to fill in. */
export function coordinateIssues(latitude: number | null, longitude: number | null): FieldIssue[] {
  if ((latitude === null) === (longitude === null)) return [];
  return [{ path: latitude === null ? "latitude" : "longitude", code: "required" }];
}

const mesaFields = {
  name: required(200),
  region: required(100),
  province: nullableText(100),
  district: nullableText(100),
  convenedOn: isoDateSchema.nullable(),
  status: z.enum(MESA_STATUSES),
  description: z.string().trim().max(5000),
  conveningBody: nullableText(200),
  followUpBody: nullableText(200),
  sourceLinks: z.array(z.string().trim().max(2000).refine(isWebAddress, { message: "invalid_url" })).max(20),
  latitude: degrees(PERU_BOUNDS.south, PERU_BOUNDS.north),
  longitude: degrees(PERU_BOUNDS.west, PERU_BOUNDS.east),
};

export const createMesaSchema = z
  .object({
    slug,
    ...mesaFields,
    province: mesaFields.province.default(null),
    district: mesaFields.district.default(null),
    convenedOn: mesaFields.convenedOn.default(null),
    status: mesaFields.status.default("active"),
    description: mesaFields.description.default(""),
    conveningBody: mesaFields.conveningBody.default(null),
    followUpBody: mesaFields.followUpBody.default(null),
    sourceLinks: mesaFields.sourceLinks.default([]),
    latitude: mesaFields.latitude.default(null),
    longitude: mesaFields.longitude.default(null),
  })
  .strict()
  .superRefine((mesa, context) => {
    for (const issue of coordinateIssues(mesa.latitude, mesa.longitude)) {
      context.addIssue({ code: "custom", path: [issue.path], message: issue.code });
    }
  });
export type CreateMesaInput = z.output<typeof createMesaSchema>;

/** PATCH of a mesa: any subset of its fields; the slug is its public address and never changes. */
export const updateMesaSchema = z.object(mesaFields).partial().strict();
export type UpdateMesaInput = z.output<typeof updateMesaSchema>;

/** The full list of a mesa's participants; wrapped so that issue paths read `participants.N.…`. */
export const participationSchema = z
  .object({
    participants: z.array(z.object({ party: slug, role: z.enum(PARTICIPATION_ROLES) }).strict()).max(500),
  })
  .strict();
export type ParticipationInput = z.output<typeof participationSchema>["participants"];

const meetingFields = {
  number: z.number().int().positive().max(100_000),
  heldOn: isoDateSchema,
  place: nullableText(200),
  summary: z.string().trim().max(10_000),
  attendees: z.array(slug).max(500),
};

export const createMeetingSchema = z
  .object({
    ...meetingFields,
    place: meetingFields.place.default(null),
    summary: meetingFields.summary.default(""),
    attendees: meetingFields.attendees.default([]),
  })
  .strict();
export type CreateMeetingInput = z.output<typeof createMeetingSchema>;

export const updateMeetingSchema = z.object(meetingFields).partial().strict();
export type UpdateMeetingInput = z.output<typeof updateMeetingSchema>;

export const createPartySchema = z.object({ slug, name: required(200), kind: z.enum(PARTY_KINDS) }).strict();
export type CreatePartyInput = z.output<typeof createPartySchema>;

export const updatePartySchema = z
  .object({ name: required(200), kind: z.enum(PARTY_KINDS) })
  .partial()
  .strict();
export type UpdatePartyInput = z.output<typeof updatePartySchema>;

/** A mesa form's fields → the input shape (source links: one web address per line). */
export function mesaFromForm(formData: FormData) {
  return {
    name: textField(formData, "name"),
    region: textField(formData, "region"),
    province: textField(formData, "province") ?? null,
    district: textField(formData, "district") ?? null,
    convenedOn: textField(formData, "convenedOn") || null,
    status: textField(formData, "status"),
    description: textField(formData, "description") ?? "",
    conveningBody: textField(formData, "conveningBody") ?? null,
    followUpBody: textField(formData, "followUpBody") ?? null,
    sourceLinks: (textField(formData, "sourceLinks") ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    latitude: degreesFromForm(formData, "latitude"),
    longitude: degreesFromForm(formData, "longitude"),
  };
}

/** A coordinate typed in a form: blank is "not placed"; a decimal comma (-14,06) reads as a point. */
function degreesFromForm(formData: FormData, key: string): number | null {
  const text = textField(formData, key)?.trim();
  return text ? Number(text.replace(",", ".")) : null;
}

/** The new-mesa form: the same fields plus the slug. */
export function newMesaFromForm(formData: FormData) {
  return { slug: textField(formData, "slug"), ...mesaFromForm(formData) };
}

/**
 * The participation form: one row per party, a hidden `party` and a `role` select in document
 * order; an empty role means "not participating".
 */
export function participationFromForm(formData: FormData) {
  const roles = textFields(formData, "role");
  return textFields(formData, "party")
    .map((party, i) => ({ party, role: roles[i] ?? "" }))
    .filter((row) => row.role !== "");
}

/** A meeting form's fields → the input shape (checkboxes `attendee`). */
export function meetingFromForm(formData: FormData) {
  const number = textField(formData, "number")?.trim();
  return {
    number: number ? Number(number) : undefined,
    heldOn: textField(formData, "heldOn"),
    place: textField(formData, "place") ?? null,
    summary: textField(formData, "summary") ?? "",
    attendees: textFields(formData, "attendee"),
  };
}

export function partyFromForm(formData: FormData) {
  return { slug: textField(formData, "slug"), name: textField(formData, "name"), kind: textField(formData, "kind") };
}
