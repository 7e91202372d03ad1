import { z } from "zod";
import * as api from "@/db/api-schemas";
import {
  createCommitmentSchema,
  periodStatusSchema,
  statusChangeSchema,
  updateCommitmentSchema,
} from "@/db/commands/commitment-input";
import { evidenceInputSchema, idempotencyKeySchema } from "@/db/commands/evidence-input";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "@/db/commands/import-commitments";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/db/commands/import-file";
import { reviewSchema } from "@/db/commands/review-input";
import { FILE_TYPES, type Role } from "@/db/enums";
import {
  asOfParamsSchema,
  changesParamsSchema,
  commitmentFiltersSchema,
  exportFiltersSchema,
  pageParamSchema,
  statsParamsSchema,
} from "@/db/queries/filters";
import { MAX_FILE_BYTES, MAX_FILES } from "@/db/uploads";
import type { Messages } from "@/i18n/messages/es";
import { importParamsSchema } from "../mesas/[slug]/import/params";
import { statsCsvParamsSchema } from "../stats.csv/params";

// Every route of /api/v1 with the zod schemas its handler parses and answers with:
// ./document.ts turns this table into the OpenAPI document, and the /data page renders that.

export type OperationId = keyof Messages["dataPage"]["api"]["operations"];
export type Tag = keyof Messages["dataPage"]["api"]["tags"];
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** An error status among the answers has a schema of its own instead of the shared Error's. */
type Answer = { status: 200 | 201 | ErrorStatus; schema: z.ZodType; mediaType?: "application/json" | "text/csv" };
type Body = { mediaType: "application/json" | "multipart/form-data"; schema: z.ZodObject };

export type Operation = {
  id: OperationId;
  method: "get" | "post" | "patch";
  /** Relative to /api/v1; `{id}` and `{slug}` are path parameters. */
  path: `/${string}`;
  tag: Tag;
  /** The least role that may call it; absent: anyone (a session or token widens what is seen). */
  role?: Role;
  query?: z.ZodType;
  headers?: Record<string, z.ZodType>;
  body?: Body;
  answers: Answer[];
  errors: ErrorStatus[];
};

const csv = (schema: z.ZodType): Answer => ({ status: 200, schema, mediaType: "text/csv" });
const BOM = "\uFEFF";

/** The export's first line, exactly (CONTRACT §6): a client may rely on the columns' order. */
const commitmentsCsv = z
  .string()
  .regex(new RegExp(`^${BOM}${api.COMMITMENT_CSV_COLUMNS.join(",")}\r?\n`))
  .describe(`UTF-8 with a BOM, RFC 4180; header: ${api.COMMITMENT_CSV_COLUMNS.join(",")}`);
const periodsCsv = z
  .string()
  .regex(new RegExp(`^${BOM}${api.PERIODS_CSV_COLUMNS.join(",")}\r?\n`))
  .describe(`UTF-8 with a BOM, RFC 4180, one row per elapsed period; header: ${api.PERIODS_CSV_COLUMNS.join(",")}`);
const statsCsv = z
  .string()
  .regex(new RegExp(`^${BOM}`))
  .describe("UTF-8 with a BOM, RFC 4180; the header in the reader's language, rates as decimals");

const evidenceFiles = z
  .array(
    z
      .file()
      .max(MAX_FILE_BYTES)
      .mime([...FILE_TYPES]),
  )
  .max(MAX_FILES)
  .optional()
  .describe("Photos, PDF or audio; the type is checked from the content");

/** The import's one multipart field: its type is read from the content, as the route does. */
const importFile = z.object({
  file: z
    .file()
    .max(MAX_IMPORT_BYTES)
    .describe(
      `A CSV (\`;\` or \`,\` separated, UTF-8 or Windows-1252) or an .xlsx workbook (its first sheet); columns ${IMPORT_COLUMNS.join(",")}, of which ${REQUIRED_COLUMNS.join(",")} are required; at most ${MAX_IMPORT_ROWS} rows`,
    ),
});

/** What `/openapi.json` answers, in outline. */
const openApiDocument = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/**
 * The schemas the document names (components.schemas), by name: a schema used inside another is
 * referenced there rather than repeated.
 */
export const COMPONENTS: Record<string, z.ZodType> = {
  Counts: api.countsSchema,
  StatusCounts: api.statusCountsSchema,
  Quality: api.qualitySchema,
  Commitment: api.commitmentSchema,
  CommitmentList: api.commitmentListSchema,
  CommitmentDetail: api.commitmentDetailSchema,
  Evidence: api.evidenceSchema,
  EvidenceFile: api.evidenceFileSchema,
  HistoryEntry: api.historyEntrySchema,
  MesaList: api.mesaListSchema,
  MesaDetail: api.mesaDetailSchema,
  PartyDetail: api.partyDetailSchema,
  Stats: api.statsResponseSchema,
  Changes: api.changesSchema,
  Export: api.exportSchema,
  SubmittedEvidence: api.submittedEvidenceSchema,
  ReviewResult: api.reviewResultSchema,
  MonitorPage: api.monitorPageSchema,
  ReviewCounts: api.reviewCountsSchema,
  ImportIssue: api.importIssueSchema,
  ImportPreview: api.importPreviewSchema,
  Imported: api.importedSchema,
  ImportRefusal: api.importRefusalSchema,
  OpenApiDocument: openApiDocument,
  Error: api.errorSchema,
};

const READ_ERRORS: ErrorStatus[] = [400, 401];

export const OPERATIONS: Operation[] = [
  {
    id: "listMesas",
    method: "get",
    path: "/mesas",
    tag: "read",
    query: asOfParamsSchema,
    answers: [{ status: 200, schema: api.mesaListSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "getMesa",
    method: "get",
    path: "/mesas/{slug}",
    tag: "read",
    query: asOfParamsSchema,
    answers: [{ status: 200, schema: api.mesaDetailSchema }],
    errors: [...READ_ERRORS, 404],
  },
  {
    id: "importCommitments",
    method: "post",
    path: "/mesas/{slug}/import",
    tag: "write",
    role: "commissioner",
    query: importParamsSchema,
    body: { mediaType: "multipart/form-data", schema: importFile },
    answers: [
      { status: 200, schema: api.importPreviewSchema },
      { status: 201, schema: api.importedSchema },
      { status: 422, schema: api.importRefusalSchema },
    ],
    errors: [400, 401, 403, 404, 413, 415],
  },
  {
    id: "listCommitments",
    method: "get",
    path: "/commitments",
    tag: "read",
    query: commitmentFiltersSchema,
    answers: [{ status: 200, schema: api.commitmentListSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "createCommitment",
    method: "post",
    path: "/commitments",
    tag: "write",
    role: "commissioner",
    body: { mediaType: "application/json", schema: createCommitmentSchema },
    answers: [{ status: 201, schema: api.commitmentDetailSchema }],
    errors: [400, 401, 403, 409, 413, 422],
  },
  {
    id: "getCommitment",
    method: "get",
    path: "/commitments/{id}",
    tag: "read",
    answers: [{ status: 200, schema: api.commitmentDetailSchema }],
    errors: [...READ_ERRORS, 404],
  },
  {
    id: "updateCommitment",
    method: "patch",
    path: "/commitments/{id}",
    tag: "write",
    role: "commissioner",
    body: { mediaType: "application/json", schema: updateCommitmentSchema },
    answers: [{ status: 200, schema: api.commitmentDetailSchema }],
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
  {
    id: "changeStatus",
    method: "post",
    path: "/commitments/{id}/status",
    tag: "write",
    role: "commissioner",
    body: { mediaType: "application/json", schema: statusChangeSchema },
    answers: [{ status: 200, schema: api.commitmentDetailSchema }],
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    id: "changePeriodStatus",
    method: "post",
    path: "/commitments/{id}/periods/{n}/status",
    tag: "write",
    role: "commissioner",
    body: { mediaType: "application/json", schema: periodStatusSchema },
    answers: [{ status: 200, schema: api.commitmentDetailSchema }],
    errors: [400, 401, 403, 404, 413, 422],
  },
  {
    id: "submitEvidence",
    method: "post",
    path: "/commitments/{id}/evidence",
    tag: "write",
    role: "monitor",
    headers: { "Idempotency-Key": idempotencyKeySchema.optional() },
    body: { mediaType: "multipart/form-data", schema: evidenceInputSchema.extend({ files: evidenceFiles }) },
    answers: [{ status: 201, schema: api.submittedEvidenceSchema }],
    errors: [400, 401, 403, 404, 413, 415, 422, 429],
  },
  {
    id: "reviewEvidence",
    method: "post",
    path: "/evidence/{id}/review",
    tag: "write",
    role: "commissioner",
    body: { mediaType: "application/json", schema: reviewSchema },
    answers: [{ status: 200, schema: api.reviewResultSchema }],
    errors: [400, 401, 403, 404, 409, 413, 422],
  },
  {
    id: "getParty",
    method: "get",
    path: "/parties/{slug}",
    tag: "read",
    query: asOfParamsSchema,
    answers: [{ status: 200, schema: api.partyDetailSchema }],
    errors: [...READ_ERRORS, 404],
  },
  {
    id: "getStats",
    method: "get",
    path: "/stats",
    tag: "read",
    query: statsParamsSchema,
    answers: [{ status: 200, schema: api.statsResponseSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "getChanges",
    method: "get",
    path: "/changes",
    tag: "read",
    query: changesParamsSchema,
    answers: [{ status: 200, schema: api.changesSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "exportCommitmentsCsv",
    method: "get",
    path: "/commitments.csv",
    tag: "export",
    query: exportFiltersSchema,
    answers: [csv(commitmentsCsv)],
    errors: READ_ERRORS,
  },
  {
    id: "exportPeriodsCsv",
    method: "get",
    path: "/periods.csv",
    tag: "export",
    query: exportFiltersSchema,
    answers: [csv(periodsCsv)],
    errors: READ_ERRORS,
  },
  {
    id: "exportCommitmentsJson",
    method: "get",
    path: "/commitments.json",
    tag: "export",
    query: exportFiltersSchema,
    answers: [{ status: 200, schema: api.exportSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "exportStatsCsv",
    method: "get",
    path: "/stats.csv",
    tag: "export",
    query: statsCsvParamsSchema,
    answers: [csv(statsCsv)],
    errors: READ_ERRORS,
  },
  {
    id: "getOpenApi",
    method: "get",
    path: "/openapi.json",
    tag: "export",
    answers: [{ status: 200, schema: openApiDocument }],
    errors: [],
  },
  {
    id: "getMonitorList",
    method: "get",
    path: "/monitor",
    tag: "staff",
    role: "monitor",
    query: pageParamSchema,
    answers: [{ status: 200, schema: api.monitorPageSchema }],
    errors: READ_ERRORS,
  },
  {
    id: "getReviewCounts",
    method: "get",
    path: "/review/counts",
    tag: "staff",
    role: "commissioner",
    answers: [{ status: 200, schema: api.reviewCountsSchema }],
    errors: [401, 403],
  },
];
