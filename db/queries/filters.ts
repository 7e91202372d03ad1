import { z } from "zod";
import type { IssueCode } from "../commands/errors";
import { appTimeZone } from "../config";
import { MESA_STATUSES, QUALITY_FILTERS, STATUSES, THEMES } from "../enums";
import { todayIn } from "../rules";

// Query-string schemas shared by pages and the JSON API. Empty values (as an HTML GET form
// sends for "any") mean "no filter".

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const slugSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a slug: lowercase letters, digits and hyphens");

/**
 * A calendar day as YYYY-MM-DD, from 1900 to 2199: far-off years are typing mistakes, and years
 * below 100 would turn into 19xx in JavaScript's Date (issue 11).
 */
const inRange = (day: string) => day >= "1900-01-01" && day <= "2199-12-31";
// Each check speaks only when the one before it passed: one problem per value.
export const isoDateSchema = z.iso
  .date("must be a date as YYYY-MM-DD")
  .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || inRange(day), { message: "invalid_date" });

/** A day figures are asked for (`asOf`): none after today, when nothing is known yet. */
const pastDaySchema = isoDateSchema.refine((day) => !inRange(day) || day <= todayIn(appTimeZone()), {
  message: "after_today",
});

export const commitmentFiltersSchema = z.object({
  mesa: optional(slugSchema),
  party: optional(slugSchema),
  status: optional(z.enum(STATUSES)),
  theme: optional(z.enum(THEMES)),
  overdue: optional(z.enum(["true", "false"])).transform((v) => v === "true"),
  q: optional(z.string().trim().max(200)),
  /** One of the agreement-quality facts (CONTRACT §1), as the dashboards count it. */
  quality: optional(z.enum(QUALITY_FILTERS)),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)).transform((v) => v ?? 1),
  pageSize: optional(z.coerce.number().int().min(1).max(100)).transform((v) => v ?? 20),
});
export type CommitmentFilters = z.output<typeof commitmentFiltersSchema>;

/** The open-data export: the list's filters, every page. */
export const exportFiltersSchema = commitmentFiltersSchema.omit({ page: true, pageSize: true });

/** `?page=` of a paginated page; 1 when absent. */
export const pageParamSchema = z.object({
  page: optional(z.coerce.number().int().min(1).max(1_000_000)).transform((v) => v ?? 1),
});

export const statsParamsSchema = z.object({
  mesa: optional(slugSchema),
  party: optional(slugSchema),
  theme: optional(z.enum(THEMES)),
  asOf: optional(pastDaySchema),
});

/**
 * A dashboard's view (`/`, `/mesas/{slug}`, `/parties/{slug}`): its scope, the day it shows
 * (`asOf`) and the day it compares with (`since`: what changed from then to `asOf` or today).
 */
export const dashboardParamsSchema = statsParamsSchema.extend({ since: optional(isoDateSchema) });
export type DashboardView = z.output<typeof dashboardParamsSchema>;

/** "What changed" from the end of `from` to the end of `to` (today when absent). */
export const changesParamsSchema = statsParamsSchema
  .omit({ asOf: true })
  .extend({ from: isoDateSchema, to: optional(isoDateSchema) })
  // The message of a refinement is an issue code (db/commands/errors.ts), which answers translate.
  .refine((p) => p.to === undefined || p.from <= p.to, { path: ["to"], message: "invalid" satisfies IssueCode });

/** Columns the overview's mesa table sorts by. */
export const MESA_SORTS = ["name", "region", "total", "overdue", "rate"] as const;
export type MesaSort = (typeof MESA_SORTS)[number];

/**
 * The overview's mesa list (`/`): text filter on the name, region, mesa status, sort column and
 * direction, page, and `mview=table` to get the table even when there are few mesas. Prefixed
 * with `m` where a plain name could clash with another list on the same page.
 */
export const mesaListParamsSchema = z.object({
  mq: optional(z.string().trim().max(100)),
  region: optional(z.string().trim().max(80)),
  mstatus: optional(z.enum(MESA_STATUSES)),
  sort: optional(z.enum(MESA_SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
  mpage: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 1),
  mview: optional(z.enum(["table"])),
});
export type MesaListParams = z.output<typeof mesaListParamsSchema>;

/** `/monitor`: the work list's page and the commitment whose form is open (`parseId`). */
export const monitorParamsSchema = z.object({
  page: optional(z.coerce.number().int().min(1).max(1_000_000)).transform((v) => v ?? 1),
  commitment: optional(z.string().max(20)),
});

export const asOfParamsSchema = z.object({ asOf: optional(pastDaySchema) });

/** URLSearchParams or Next's searchParams object → a plain record of first values. */
export function firstValues(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && !(key in result)) result[key] = first;
  }
  return result;
}

/**
 * For pages: a link with a bad value (an old bookmark, a typo) still shows the page, with
 * that one filter dropped. The API is strict instead and answers 400.
 */
export function parseLeniently<T extends z.ZodType>(schema: T, raw: Record<string, string>): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))));
}

/** Ids in URLs (commitments, evidence): positive integers written as digits only. */
export const idParamSchema = z.string().regex(/^[1-9]\d{0,15}$/);
/** The number of a recurring commitment's period in a URL (1-based). */
export const periodNumberSchema = z.string().regex(/^[1-9]\d{0,5}$/);

/** An id from a URL, or null: anything but a positive integer is not an id. */
export function parseId(raw: string): number | null {
  return idParamSchema.safeParse(raw).success ? Number(raw) : null;
}
