import { z } from "zod";
import {
  CHANGE_KINDS,
  EVIDENCE_KINDS,
  MESA_STATUSES,
  PARTICIPATION_ROLES,
  PARTY_KINDS,
  PERIOD_STATUSES,
  RECURRENCE_EVERY,
  REVIEW_STATES,
  STATUSES,
  THEMES,
  VISIBILITIES,
} from "./enums";
import { metadataFindingSchema } from "./metadata/findings";

// What the JSON API answers (CONTRACT §5), as zod schemas. The queries' DTO types are inferred
// from them and GET /api/v1/openapi.json is generated from them, so the code and its
// documentation cannot drift apart. Nothing here parses at run time.

const id = z.int().positive();
const count = z.int().nonnegative();
const day = z.iso.date();
const instant = z.iso.datetime();
const status = z.enum(STATUSES);
const rate = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe("fulfilled / (fulfilled + broken + overdue); null when that is 0 (CONTRACT §1)");
const named = z.object({ slug: z.string(), name: z.string() });

/** An object with one property per key, all of the same schema (typed, unlike `Object.fromEntries`). */
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}

/** One page of a list: its items, which page, how many a page, and how many in all. */
function paged<S extends z.ZodType>(item: S) {
  return z.object({ data: z.array(item), page: id, pageSize: id, total: count });
}

export const statusCountsSchema = keyed(STATUSES, count).describe("How many commitments have each status");
export const countsSchema = statusCountsSchema.extend({ overdue: count }).describe("Counts by status, plus overdue");
export type Counts = z.output<typeof countsSchema>;

export const qualitySchema = z
  .object({ total: count, withoutDeadline: count, withoutAcceptedEvidence: count, staleOpen: count })
  .describe("Agreement quality (CONTRACT §1)");
export type Quality = z.output<typeof qualitySchema>;

// Commitments

export const commitmentSchema = z.object({
  id,
  code: z.string(),
  mesa: z.string().describe("The mesa's slug"),
  title: z.string(),
  text: z.string(),
  theme: z.enum(THEMES),
  responsibleParties: z.array(named.extend({ lead: z.boolean() })).describe("The lead first"),
  madeOn: day,
  dueOn: day.nullable(),
  status,
  overdue: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  supersededBy: id.nullable().describe("The replacement, when the reader may see it"),
  updatedAt: instant,
  recurrence: z
    .object({ every: z.enum(RECURRENCE_EVERY), startsOn: day, endsOn: day.nullable() })
    .nullable()
    .describe("null for a one-off commitment (CONTRACT §1 recurring commitment)"),
  periods: z
    .array(
      z.object({
        n: id.describe("1-based"),
        startsOn: day,
        dueOn: day,
        status: z.enum(PERIOD_STATUSES),
        overdue: z.boolean(),
      }),
    )
    .describe("The periods elapsed by today, oldest first; empty when not recurring"),
});
export type CommitmentDto = z.output<typeof commitmentSchema>;

export const commitmentListSchema = paged(commitmentSchema);

export const evidenceFileSchema = z.object({
  sha256: z.string(),
  name: z.string().describe("A neutral name for the public; the uploaded name for staff of the mesa"),
  mimeType: z.string(),
  sizeBytes: count,
  metadata: z
    .array(metadataFindingSchema)
    .nullable()
    .optional()
    .describe(
      "Only for staff of the mesa: what the stored file still carries (author, GPS position…) and acceptance would publish; null when stored before files were checked",
    ),
});
export type EvidenceFile = z.output<typeof evidenceFileSchema>;

export const evidenceBasicsSchema = z.object({
  id,
  observedOn: day,
  kind: z.enum(EVIDENCE_KINDS),
  summary: z.string(),
  sourceUrl: z.string().nullable(),
  suggestedStatus: status.nullable(),
  period: id.nullable().describe("The period of a recurring commitment it is for; null for the whole"),
  files: z.array(evidenceFileSchema),
});
export type EvidenceBasics = z.output<typeof evidenceBasicsSchema>;

export const evidenceSchema = evidenceBasicsSchema.extend({
  reviewState: z.enum(REVIEW_STATES),
  reviewNote: z.string().nullable(),
  submittedBy: z.string().nullable().describe("Only for staff of the mesa: monitors may be at risk if named"),
});
export type EvidenceDto = z.output<typeof evidenceSchema>;

export const historyEntrySchema = z.object({
  from: status.nullable(),
  to: status,
  at: instant,
  by: z.string(),
  reason: z.string(),
  evidenceIds: z.array(id).describe("The evidence it cites that the reader may see"),
});
export type HistoryDto = z.output<typeof historyEntrySchema>;

export const commitmentDetailSchema = commitmentSchema.extend({
  mesaName: z.string(),
  meeting: z.int().nullable().describe("The number of the meeting where it was agreed"),
  evidence: z.array(evidenceSchema).describe("The public sees accepted evidence only"),
  history: z.array(historyEntrySchema),
});
export type CommitmentDetail = z.output<typeof commitmentDetailSchema>;

/** The open-data export (CONTRACT §6), one row per commitment. */
export const exportRowSchema = z.object({
  id,
  mesa: z.string(),
  code: z.string(),
  title: z.string(),
  theme: z.enum(THEMES),
  parties: z.array(z.string()).describe("Slugs, the lead first"),
  lead: z.string().nullable(),
  madeOn: day,
  dueOn: day.nullable(),
  status,
  overdue: z.boolean(),
  evidenceCount: count.describe("Accepted evidence"),
  lastChangeOn: day.nullable().describe("The day of the last status change, in APP_TIMEZONE"),
  recurrence: z.enum(RECURRENCE_EVERY).nullable(),
  startsOn: day.nullable().describe("A recurring commitment's first day"),
  endsOn: day.nullable().describe("A recurring commitment's last day, if it has one"),
});
export type ExportRow = z.output<typeof exportRowSchema>;

/** `GET /periods.csv`'s header: one row per elapsed period of a recurring commitment. */
export const PERIODS_CSV_COLUMNS = [
  "commitment_id",
  "mesa",
  "code",
  "title",
  "recurrence",
  "period",
  "starts_on",
  "due_on",
  "status",
  "overdue",
  "url",
] as const;

/** `GET /commitments.csv`'s header (CONTRACT §6, exactly). */
export const COMMITMENT_CSV_COLUMNS = [
  "id",
  "mesa",
  "code",
  "title",
  "theme",
  "responsible_parties",
  "lead_party",
  "made_on",
  "due_on",
  "status",
  "overdue",
  "evidence_count",
  "last_change_on",
  "recurrence",
  "ends_on",
  "url",
] as const;

export const exportSchema = z.object({
  data: z.array(exportRowSchema.extend({ url: z.url().describe("The commitment's page") })),
});

// Mesas and parties

/** Where a mesa sits on /map; both null until someone places it. */
const coordinates = {
  latitude: z.number().nullable().describe("Decimal degrees (WGS 84); null: not placed on the map"),
  longitude: z.number().nullable().describe("Decimal degrees (WGS 84); null: not placed on the map"),
};

export const mesaListSchema = z.object({
  data: z.array(
    z.object({ slug: z.string(), name: z.string(), region: z.string(), status: z.enum(MESA_STATUSES) }).extend({
      counts: countsSchema,
      complianceRate: rate,
      ...coordinates,
    }),
  ),
});
export type MesaListItem = z.output<typeof mesaListSchema>["data"][number];

const figures = { counts: countsSchema, total: count, complianceRate: rate };

export const mesaPartySchema = named.extend({ kind: z.enum(PARTY_KINDS), role: z.enum(PARTICIPATION_ROLES) });
export type MesaParty = z.output<typeof mesaPartySchema>;

export const meetingSchema = z.object({
  number: z.int(),
  heldOn: day,
  place: z.string().nullable(),
  summary: z.string(),
  minutes: z.object({ sha256: z.string(), name: z.string() }).nullable().describe("The acta, at /files/{sha256}"),
  attendees: z.array(named),
});
export type MeetingSummary = z.output<typeof meetingSchema>;

export const mesaDetailSchema = z.object({
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  convenedOn: day.nullable(),
  status: z.enum(MESA_STATUSES),
  description: z.string(),
  conveningBody: z.string().nullable(),
  followUpBody: z.string().nullable().describe("The body that follows up the agreements; null: none named"),
  sourceLinks: z.array(z.string()),
  ...coordinates,
  parties: z.array(mesaPartySchema),
  meetings: z.array(meetingSchema),
  ...figures,
});

export const partyMesaStandingSchema = named.extend({ role: z.enum(PARTICIPATION_ROLES).nullable(), ...figures });
export type PartyMesaStanding = z.output<typeof partyMesaStandingSchema>;

export const partyDetailSchema = named.extend({
  kind: z.enum(PARTY_KINDS),
  ...figures,
  mesas: z.array(partyMesaStandingSchema).describe("Every mesa it takes part in or is responsible in"),
});

// Figures

export const ratedSchema = z
  .object({ fulfilled: count, broken: count, overdue: count })
  .describe("What the compliance rate counts: one-off commitments, and each elapsed period of a recurring one");
export const periodTallySchema = ratedSchema
  .extend({ total: count })
  .describe("The elapsed periods of recurring commitments (future periods count nowhere)");

export const partyStandingSchema = named.extend({
  counts: statusCountsSchema,
  overdue: count,
  broken: count,
  complianceRate: rate,
  periods: periodTallySchema.describe("Its recurring commitments' elapsed periods: broken + overdue were missed"),
});
export type PartyStanding = z.output<typeof partyStandingSchema>;

/** Figures of one group (a mesa, a theme): counts by status, overdue and the compliance rate. */
export const standingSchema = z.object({
  counts: statusCountsSchema,
  overdue: count,
  total: count,
  complianceRate: rate,
});
export type Standing = z.output<typeof standingSchema>;

export const overdueCommitmentSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  mesa: named,
  dueOn: day,
  daysOverdue: z.int().positive(),
});
export type OverdueCommitment = z.output<typeof overdueCommitmentSchema>;

/** `/stats` as the queries compute it; the API leaves out `total` (./queries/stats.ts). */
export const statsSchema = z.object({
  day: day.describe("The day the figures are for: asOf, else today in APP_TIMEZONE"),
  counts: statusCountsSchema,
  overdue: count,
  total: count,
  complianceRate: rate,
  periods: periodTallySchema,
  rated: ratedSchema,
  byParty: z.array(partyStandingSchema),
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), complianceRate: rate })),
  byMesa: z.array(
    named.extend({ ...standingSchema.shape, followUpBody: z.string().nullable(), quality: qualitySchema }),
  ),
  byTheme: z.array(standingSchema.extend({ theme: z.enum(THEMES) })),
  dueSoon: z.object({ within30: count, within90: count }).describe("Open commitments due from the day on"),
  periodsDueThisMonth: z
    .object({ from: day, to: day, total: count, open: count })
    .describe(
      "Elapsed periods of recurring commitments due in the day's month (from its first to its last day), and how many are still open (pending or partial)",
    ),
  quality: qualitySchema,
  oldestOverdue: z.array(overdueCommitmentSchema).describe("The ten overdue the longest"),
});
export type Stats = z.output<typeof statsSchema>;
export const statsResponseSchema = statsSchema.omit({ total: true });

export const changedCommitmentSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  mesa: named,
  before: status.nullable().describe("The status at the end of `from`; null when not made yet"),
  after: status,
  dueOn: day.nullable(),
});
export type ChangedCommitment = z.output<typeof changedCommitmentSchema>;

export const changesSchema = z.object({
  from: day,
  to: day,
  newly: keyed(CHANGE_KINDS, z.object({ total: count, items: z.array(changedCommitmentSchema).max(100) })).describe(
    "Per kind: how many, and the first 100 in mesa and code order",
  ),
});
export type Changes = z.output<typeof changesSchema>;

// Writes and staff

export const submittedEvidenceSchema = evidenceBasicsSchema.extend({
  commitmentId: id,
  reviewState: z.enum(REVIEW_STATES),
});

export const reviewResultSchema = z.object({
  id,
  reviewState: z.enum(["accepted", "rejected"]),
  reviewNote: z.string().nullable(),
  commitment: z.object({ id, status }),
});
export type ReviewResult = z.output<typeof reviewResultSchema>;

/**
 * A commitment of the `/monitor` work list: what its card shows, and no more (a phone on slow 3G
 * reads it in the page and again as JSON).
 */
export const monitorCommitmentSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  mesaName: z.string(),
  dueOn: day.nullable(),
  status,
  overdue: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  latestEvidence: z
    .object({ reviewState: z.enum(REVIEW_STATES), submittedAt: instant })
    .nullable()
    .describe("The last evidence anyone logged on it"),
  periods: z
    .array(z.object({ n: id, startsOn: day, dueOn: day, status: z.enum(PERIOD_STATUSES), overdue: z.boolean() }))
    .describe("A recurring commitment's elapsed periods, the current one first; empty when not recurring"),
});
export type MonitorCommitment = z.output<typeof monitorCommitmentSchema>;

export const monitorPageSchema = paged(monitorCommitmentSchema);
export type MonitorPage = z.output<typeof monitorPageSchema>;

export const reviewCountsSchema = z.object({
  total: count,
  byMesa: z
    .array(named.extend({ waiting: z.int().positive() }))
    .describe("Per mesa for commissioners; empty for admins"),
});
export type ReviewQueueCounts = z.output<typeof reviewCountsSchema>;

/** CONTRACT §5's error shape, with issues of the given schema. */
function errorWith<I extends z.ZodType>(issue: I) {
  return z.object({ error: z.object({ code: z.string(), message: z.string(), issues: z.array(issue).optional() }) });
}

/** CONTRACT §5's error shape; `message` of an issue is in English, `path` names the field. */
export const errorSchema = errorWith(z.object({ path: z.string(), message: z.string() }));

// Importing an acta (CONTRACT §5–6)

export const importIssueSchema = z
  .object({
    path: z
      .string()
      .regex(/^(file|rows|columns\.[a-z_]+|rows\.\d+\.[a-z_]+)$/)
      .describe(
        "rows.{row}.{column}: a cell (the spreadsheet's row number); columns.{column}: a required column is missing; rows: the file has no rows; file: no file, or one that cannot be read",
      ),
    message: z.string().describe("In English"),
  })
  .describe("A problem of an import file");
export type ImportIssue = z.output<typeof importIssueSchema>;

const importRowSchema = z.object({
  row: z.int().min(2).describe("Its number in the spreadsheet (the header is the first row that is not blank)"),
  code: z.string(),
  title: z.string(),
  issues: z.array(importIssueSchema),
});

export const importPreviewSchema = z
  .object({
    valid: z.boolean().describe("Every row can be imported"),
    rows: z.array(importRowSchema),
    issues: z.array(importIssueSchema).describe("Every problem of the file, as a refused import lists them"),
  })
  .describe("A dry run: what importing the file would do; nothing is written");

export const importedSchema = z
  .object({
    imported: z.int().positive(),
    data: z.array(z.object({ id, code: z.string() })).describe("The new commitments, in the file's order"),
  })
  .describe("Every row was imported");

export const importRefusalSchema = errorWith(importIssueSchema).describe(
  "Nothing was imported: every problem of the file is listed",
);
