// The closed vocabularies of CONTRACT §1–2. Plain constants (no I/O) so that schema, rules,
// validation and UI share one source of truth.

export const MESA_STATUSES = ["active", "suspended", "concluded"] as const;
export type MesaStatus = (typeof MESA_STATUSES)[number];

export const PARTY_KINDS = [
  "community",
  "company",
  "national_government",
  "regional_government",
  "local_government",
  "civil_society",
  "police",
  "other",
] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTICIPATION_ROLES = ["convenor", "member", "observer", "guarantor"] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const THEMES = [
  "water",
  "environment",
  "health",
  "land",
  "employment",
  "infrastructure",
  "education",
  "social_programs",
  "economic_compensation",
  "human_rights_security",
  "dialogue_process",
  "other",
] as const;
export type Theme = (typeof THEMES)[number];

export const STATUSES = ["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses evidence can suggest or a review can set: `superseded` needs a replacement named. */
export const EVIDENCE_STATUSES = ["pending", "in_progress", "partial", "fulfilled", "broken"] as const;

export const VISIBILITIES = ["public", "restricted"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const EVIDENCE_KINDS = [
  "document",
  "photo",
  "site_visit",
  "testimony",
  "media_report",
  "official_statement",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const REVIEW_STATES = ["submitted", "accepted", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const ROLES = ["monitor", "commissioner", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const FILE_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/pdf",
  "audio/mpeg",
  "audio/mp4",
  "audio/ogg",
] as const;

/** Agreement-quality facts (CONTRACT §1): each names a figure of `Quality` and a list filter. */
export const QUALITY_FILTERS = ["withoutDeadline", "withoutAcceptedEvidence", "staleOpen"] as const;
export type QualityFilter = (typeof QUALITY_FILTERS)[number];

/** What a commitment newly became between two days ("what changed"). */
export const CHANGE_KINDS = ["fulfilled", "broken", "overdue"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** How often a recurring commitment falls due (CONTRACT §1). */
export const RECURRENCE_EVERY = ["monthly", "quarterly", "yearly"] as const;
export type RecurrenceEvery = (typeof RECURRENCE_EVERY)[number];

/** The statuses of one period of a recurring commitment: open (pending, partial) or closed. */
export const PERIOD_STATUSES = ["pending", "partial", "fulfilled", "broken"] as const satisfies readonly Status[];
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** How often a staff member receives their digest e-mail. */
export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** What a public subscriber can follow by e-mail. */
export const FOLLOW_TARGETS = ["mesa", "party", "commitment"] as const;
export type FollowTarget = (typeof FOLLOW_TARGETS)[number];

/** `skipped`: a digest decided for its period with nothing to say (so it is not decided again). */
export const OUTBOX_STATES = ["queued", "sending", "sent", "failed", "skipped"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
