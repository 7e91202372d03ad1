import { sql, type SQL } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import {
  DIGEST_FREQUENCIES,
  FOLLOW_TARGETS,
  OUTBOX_STATES,
  EVIDENCE_KINDS,
  FILE_TYPES,
  MESA_STATUSES,
  PARTICIPATION_ROLES,
  PARTY_KINDS,
  PERIOD_STATUSES,
  RECURRENCE_EVERY,
  REVIEW_STATES,
  ROLES,
  STATUSES,
  THEMES,
  VISIBILITIES,
} from "./enums";
import type { MetadataFinding } from "./metadata/findings";

/** CHECK (col IN (...)) for an enum column; values are our own constants, never user input. */
function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} IN (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

/** CHECK that a text column holds a YYYY-MM-DD calendar date. */
function isoDate(column: AnySQLiteColumn): SQL {
  return sql`${column} IS NULL OR (length(${column}) = 10 AND date(${column}) = ${column})`;
}

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const mesas = sqliteTable(
  "mesas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    province: text("province"),
    district: text("district"),
    convenedOn: text("convened_on"),
    status: text("status", { enum: MESA_STATUSES }).notNull().default("active"),
    description: text("description").notNull().default(""),
    conveningBody: text("convening_body"),
    /** The body that follows up the agreements (CONTRACT §1 agreement quality); null: none named. */
    followUpBody: text("follow_up_body"),
    sourceLinks: text("source_links", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Where the mesa sits on /map (decimal degrees, WGS 84); both null: not placed yet. */
    latitude: real("latitude"),
    longitude: real("longitude"),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [check("mesas_status", oneOf(t.status, MESA_STATUSES)), check("mesas_convened_on", isoDate(t.convenedOn))],
);

export const parties = sqliteTable(
  "parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: PARTY_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("parties_kind", oneOf(t.kind, PARTY_KINDS))],
);

export const mesaParties = sqliteTable(
  "mesa_parties",
  {
    mesaId: integer("mesa_id")
      .notNull()
      .references(() => mesas.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    role: text("role", { enum: PARTICIPATION_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mesaId, t.partyId] }),
    index("mesa_parties_party").on(t.partyId),
    check("mesa_parties_role", oneOf(t.role, PARTICIPATION_ROLES)),
  ],
);

/** Uploaded files, stored on disk under their SHA-256 (CONTRACT §1). */
export const files = sqliteTable(
  "files",
  {
    sha256: text("sha256").primaryKey(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** What the stored bytes still carry (author, GPS…), found at upload; null: stored before that check. */
    metadataFindings: text("metadata_findings", { mode: "json" }).$type<MetadataFinding[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    check("files_mime_type", oneOf(t.mimeType, FILE_TYPES)),
    check("files_size", sql`${t.sizeBytes} BETWEEN 0 AND 20971520`),
    check("files_sha256", sql`length(${t.sha256}) = 64`),
  ],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mesaId: integer("mesa_id")
      .notNull()
      .references(() => mesas.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    heldOn: text("held_on").notNull(),
    place: text("place"),
    summary: text("summary").notNull().default(""),
    minutesSha256: text("minutes_sha256").references(() => files.sha256),
    minutesName: text("minutes_name"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("meetings_mesa_number").on(t.mesaId, t.number),
    check("meetings_number", sql`${t.number} > 0`),
    check("meetings_held_on", isoDate(t.heldOn)),
  ],
);

export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partyId] }), index("meeting_attendance_party").on(t.partyId)],
);

// Also indexed for search by `commitments_fts`, an FTS5 virtual table over code, title and text
// (external content, accents folded) that triggers keep in step with every write. It is made by
// drizzle/0005_commitments_fts.sql, not declared here: drizzle-kit has no virtual tables.
// Queries reach it through db/queries/search.ts.
export const commitments = sqliteTable(
  "commitments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    mesaId: integer("mesa_id")
      .notNull()
      .references(() => mesas.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    theme: text("theme", { enum: THEMES }).notNull(),
    madeOn: text("made_on").notNull(),
    dueOn: text("due_on"),
    status: text("status", { enum: STATUSES }).notNull().default("pending"),
    visibility: text("visibility", { enum: VISIBILITIES }).notNull().default("public"),
    supersededBy: integer("superseded_by").references((): AnySQLiteColumn => commitments.id),
    /** CONTRACT §1 recurring commitment: how often, from which day (made_on unless given), until when. */
    recurrence: text("recurrence", { enum: RECURRENCE_EVERY }),
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commitments_mesa_code").on(t.mesaId, t.code),
    index("commitments_mesa_status").on(t.mesaId, t.status),
    index("commitments_status_due").on(t.status, t.dueOn),
    index("commitments_theme").on(t.theme),
    index("commitments_visibility").on(t.visibility),
    // Covers every column the figures read: counting scans this narrow index, not the rows
    // with their full text.
    index("commitments_figures").on(t.visibility, t.mesaId, t.status, t.dueOn, t.theme, t.madeOn, t.recurrence),
    check("commitments_theme", oneOf(t.theme, THEMES)),
    check("commitments_status", oneOf(t.status, STATUSES)),
    check("commitments_visibility", oneOf(t.visibility, VISIBILITIES)),
    check("commitments_made_on", isoDate(t.madeOn)),
    check("commitments_due_on", isoDate(t.dueOn)),
    check("commitments_superseded", sql`(${t.status} = 'superseded') = (${t.supersededBy} IS NOT NULL)`),
    check("commitments_recurrence", sql`${t.recurrence} IS NULL OR ${oneOf(t.recurrence, RECURRENCE_EVERY)}`),
    // A recurrence has its first day; a one-off commitment has neither days.
    check(
      "commitments_recurrence_days",
      sql`(${t.recurrence} IS NULL AND ${t.startsOn} IS NULL AND ${t.endsOn} IS NULL) OR (${t.recurrence} IS NOT NULL AND ${t.startsOn} IS NOT NULL AND (${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}))`,
    ),
    check("commitments_starts_on", isoDate(t.startsOn)),
    check("commitments_ends_on", isoDate(t.endsOn)),
  ],
);

/**
 * The periods of a recurring commitment that a commissioner has acted on: their status and, if
 * set, a due date other than the period's last day. A period without a row is `pending` and due
 * on its last day; periods exist because their start has passed (db/periods.ts), not by a row.
 */
export const commitmentPeriods = sqliteTable(
  "commitment_periods",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    status: text("status", { enum: PERIOD_STATUSES }).notNull().default("pending"),
    dueOn: text("due_on"),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.n] }),
    check("commitment_periods_n", sql`${t.n} > 0`),
    check("commitment_periods_status", oneOf(t.status, PERIOD_STATUSES)),
    check("commitment_periods_due_on", isoDate(t.dueOn)),
  ],
);

/** Each change of a period's status, with its reason: the period's history (and `asOf`). */
export const periodStatusChanges = sqliteTable(
  "period_status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    fromStatus: text("from_status", { enum: PERIOD_STATUSES }).notNull(),
    toStatus: text("to_status", { enum: PERIOD_STATUSES }).notNull(),
    changedBy: integer("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: text("changed_at").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    index("period_status_changes_period").on(t.commitmentId, t.n, t.changedAt),
    check("period_status_changes_from", oneOf(t.fromStatus, PERIOD_STATUSES)),
    check("period_status_changes_to", oneOf(t.toStatus, PERIOD_STATUSES)),
    check("period_status_changes_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

/** The evidence a period's status change rests on. */
export const periodStatusChangeEvidence = sqliteTable(
  "period_status_change_evidence",
  {
    changeId: integer("change_id")
      .notNull()
      .references(() => periodStatusChanges.id, { onDelete: "cascade" }),
    evidenceId: integer("evidence_id")
      .notNull()
      .references(() => evidence.id),
  },
  (t) => [primaryKey({ columns: [t.changeId, t.evidenceId] })],
);

export const commitmentParties = sqliteTable(
  "commitment_parties",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id),
    isLead: integer("is_lead", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.partyId] }),
    index("commitment_parties_party").on(t.partyId),
    // At most one lead per commitment.
    uniqueIndex("commitment_parties_one_lead")
      .on(t.commitmentId)
      .where(sql`${t.isLead} = 1`),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    disabledAt: text("disabled_at"),
    /** Sessions that signed in before this instant are no longer valid (set by a password reset). */
    sessionsValidAfter: text("sessions_valid_after"),
    digest: text("digest", { enum: DIGEST_FREQUENCIES }).notNull().default("weekly"),
    /** The language of their e-mails (the site's language is a cookie, unknown to the scheduler). */
    locale: text("locale").notNull().default("es"),
    /** The secret of their digest's one-click unsubscribe link; set when the first digest is written. */
    digestToken: text("digest_token").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    check("users_role", oneOf(t.role, ROLES)),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_digest", oneOf(t.digest, DIGEST_FREQUENCIES)),
  ],
);

export const userMesas = sqliteTable(
  "user_mesas",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mesaId: integer("mesa_id")
      .notNull()
      .references(() => mesas.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mesaId] }), index("user_mesas_mesa").on(t.mesaId)],
);

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    /** An ISO instant after which the token is refused; null: it never expires. */
    expiresAt: text("expires_at"),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

export const evidence = sqliteTable(
  "evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => users.id),
    observedOn: text("observed_on").notNull(),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    summary: text("summary").notNull(),
    sourceUrl: text("source_url"),
    suggestedStatus: text("suggested_status", { enum: STATUSES }),
    /** The period of a recurring commitment the evidence is for (1-based); null for the whole. */
    period: integer("period"),
    reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("submitted"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewNote: text("review_note"),
    reviewedAt: text("reviewed_at"),
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_commitment").on(t.commitmentId, t.reviewState),
    // The review queue: submitted evidence, oldest first, read a page at a time in index order.
    index("evidence_review_queue").on(t.reviewState, t.createdAt, t.id),
    uniqueIndex("evidence_idempotency").on(t.submittedBy, t.idempotencyKey),
    // Agreement quality asks, per commitment, whether evidence was accepted by a day (quality.ts).
    index("evidence_accepted")
      .on(t.commitmentId, t.reviewedAt)
      .where(sql`review_state = 'accepted'`),
    check("evidence_kind", oneOf(t.kind, EVIDENCE_KINDS)),
    check("evidence_review_state", oneOf(t.reviewState, REVIEW_STATES)),
    check("evidence_suggested_status", sql`${t.suggestedStatus} IS NULL OR ${oneOf(t.suggestedStatus, STATUSES)}`),
    check("evidence_observed_on", isoDate(t.observedOn)),
    check("evidence_period", sql`${t.period} IS NULL OR ${t.period} > 0`),
  ],
);

export const evidenceFiles = sqliteTable(
  "evidence_files",
  {
    evidenceId: integer("evidence_id")
      .notNull()
      .references(() => evidence.id, { onDelete: "cascade" }),
    sha256: text("sha256")
      .notNull()
      .references(() => files.sha256),
    originalName: text("original_name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.sha256] })],
);

export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    /** null for the entry that records the commitment's first status. */
    fromStatus: text("from_status", { enum: STATUSES }),
    toStatus: text("to_status", { enum: STATUSES }).notNull(),
    changedBy: integer("changed_by")
      .notNull()
      .references(() => users.id),
    changedAt: text("changed_at").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    index("status_changes_commitment").on(t.commitmentId, t.changedAt),
    index("status_changes_changed_at").on(t.changedAt),
    check("status_changes_from", sql`${t.fromStatus} IS NULL OR ${oneOf(t.fromStatus, STATUSES)}`),
    check("status_changes_to", oneOf(t.toStatus, STATUSES)),
    check("status_changes_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * Derived from `status_changes` (CONTRACT §1 history) so that "as of" figures need no replay:
 * each row is a status and the instants it held, `[from_at, to_at)`, `to_at` null while it
 * holds. A commitment's spans cover all time: before its first change it counts as `pending`
 * (`from_at` is ''). The commitment's columns that figures filter on are copied in, so that a
 * pass over history reads this table alone. Kept by triggers in the same transaction as every
 * write (migration 0004), rebuilt by `npm run db:rebuild-history`. Never written by the app.
 */
export const statusSpans = sqliteTable(
  "status_spans",
  {
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id, { onDelete: "cascade" }),
    status: text("status", { enum: STATUSES }).notNull(),
    fromAt: text("from_at").notNull(),
    toAt: text("to_at"),
    mesaId: integer("mesa_id").notNull(),
    theme: text("theme", { enum: THEMES }).notNull(),
    visibility: text("visibility", { enum: VISIBILITIES }).notNull(),
    madeOn: text("made_on").notNull(),
    dueOn: text("due_on"),
  },
  (t) => [index("status_spans_commitment").on(t.commitmentId), index("status_spans_mesa").on(t.mesaId)],
);

export const statusChangeEvidence = sqliteTable(
  "status_change_evidence",
  {
    statusChangeId: integer("status_change_id")
      .notNull()
      .references(() => statusChanges.id, { onDelete: "cascade" }),
    evidenceId: integer("evidence_id")
      .notNull()
      .references(() => evidence.id),
  },
  (t) => [primaryKey({ columns: [t.statusChangeId, t.evidenceId] })],
);

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    at: createdAt(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_log_entity").on(t.entityType, t.entityId), index("audit_log_at").on(t.at)],
);

/** Small key/value facts about this installation, e.g. whether the demo set is loaded. */
export const appSettings = sqliteTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export type Mesa = typeof mesas.$inferSelect;
export type Party = typeof parties.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type User = typeof users.$inferSelect;

/** Failed sign-ins, for throttling per account and per address. Old rows are pruned on write. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_email").on(t.email, t.at), index("login_failures_address").on(t.address, t.at)],
);

/**
 * A person following a mesa, party or commitment by e-mail (no account). Confirmed by the link
 * sent to the address (double opt-in); `token` is the secret of that link and of unsubscribing.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    targetType: text("target_type", { enum: FOLLOW_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    token: text("token").notNull().unique(),
    confirmedAt: text("confirmed_at"),
    unsubscribedAt: text("unsubscribed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("subscriptions_follow").on(t.email, t.targetType, t.targetId),
    index("subscriptions_target").on(t.targetType, t.targetId),
    check("subscriptions_target_type", oneOf(t.targetType, FOLLOW_TARGETS)),
    check("subscriptions_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * Every e-mail the app sends, written (with a unique `key` naming what it is about) in the same
 * transaction that decides it is due, then delivered: a notification is queued once, and
 * claimed (`sending`) before it is handed to the mail server, so it is never sent twice.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** Extra headers, e.g. List-Unsubscribe. */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [index("outbox_state").on(t.state, t.id), check("outbox_state", oneOf(t.state, OUTBOX_STATES))],
);
