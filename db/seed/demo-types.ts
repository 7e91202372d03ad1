import type {
  EvidenceKind,
  MesaStatus,
  ParticipationRole,
  PartyKind,
  PeriodStatus,
  RecurrenceEvery,
  ReviewState,
  Status,
  Theme,
  Visibility,
} from "../enums";

// The shape of the illustrative demo data set. Dates are given relative to the day the set is
// loaded (days before or after it), so a fresh load always has overdue, due-soon and closed items.

export type DemoParty = { slug: string; name: string; kind: PartyKind };

export type DemoMeeting = {
  number: number;
  daysAgo: number;
  place: string;
  summary: string;
  /** Party slugs. */
  attendees: string[];
};

export type DemoStatusChange = {
  to: Status;
  daysAgo: number;
  reason: string;
  /** Demo user key that made the change (see DEMO_USERS). */
  by: "commissioner" | "admin";
};

export type DemoEvidence = {
  daysAgo: number;
  kind: EvidenceKind;
  summary: string;
  sourceUrl?: string;
  suggests?: Status;
  review: ReviewState;
  reviewNote?: string;
  /** Demo user key of the monitor who logged it. */
  by: "monitor" | "commissioner";
};

export type DemoCommitment = {
  code: string;
  title: string;
  /** Full text as written in the acta. */
  text: string;
  theme: Theme;
  /** Party slugs; the first one is the lead. */
  parties: string[];
  /** Number of the meeting where it was agreed, if any. */
  meeting?: number;
  madeDaysAgo: number;
  /** Days after the load day (negative: in the past); null means "no deadline". */
  dueInDays: number | null;
  status: Status;
  visibility?: Visibility;
  /** Code of the commitment (same mesa) that replaced it; required when status is superseded. */
  supersededBy?: string;
  /** Status changes after the first ("pending" at madeDaysAgo, added by the loader), oldest first; the last `to` equals `status`. */
  history: DemoStatusChange[];
  evidence?: DemoEvidence[];
  recurrence?: DemoRecurrence;
};

/** A recurring commitment (CONTRACT §1): how often, since when, and the periods acted on. */
export type DemoRecurrence = {
  every: RecurrenceEvery;
  /** Days before the load day that the first period starts. */
  startsDaysAgo: number;
  /** Status changes of periods (1-based), oldest first; periods not named stay pending. */
  periods: { n: number; to: PeriodStatus; daysAgo: number; reason: string }[];
};

export type DemoMesa = {
  slug: string;
  name: string;
  region: string;
  province: string;
  district: string;
  convenedOn: string;
  status: MesaStatus;
  description: string;
  conveningBody: string;
  followUpBody: string | null;
  sourceLinks: string[];
  /** Where the mesa met, in decimal degrees: the district's capital. */
  latitude: number;
  longitude: number;
  parties: { party: string; role: ParticipationRole }[];
  meetings: DemoMeeting[];
  commitments: DemoCommitment[];
};
