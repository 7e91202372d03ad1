import "server-only";
import { and, asc, between, count, eq, gte, inArray, isNotNull, isNull, lt, ne } from "drizzle-orm";
import type { Viewer } from "../access";
import { getDb } from "../client";
import type { EvidenceKind, ReviewState } from "../enums";
import { isOpen, shiftDate } from "../rules";
import { commitments, evidence, mesas } from "../schema";
import { periodsOf, recurrenceOf } from "./periods";

// What a staff member's digest e-mail tells them, for the mesas they are assigned to (an admin
// too: a digest of every mesa in the country would be read by nobody).

/** Due in this many days from today counts as "due soon". */
export const DUE_SOON_DAYS = 14;
/** Each list of a digest shows at most this many items, then says how many more there are. */
export const DIGEST_LIST_LIMIT = 25;

export type DigestCommitment = {
  id: number;
  code: string;
  title: string;
  mesa: string;
  dueOn: string;
  period: number | null;
};
export type DigestEvidence = {
  id: number;
  commitmentId: number;
  code: string;
  title: string;
  kind: EvidenceKind;
  at: string;
  decision?: ReviewState;
  note?: string | null;
};
export type Listed<T> = { items: T[]; total: number };

export type Digest = {
  dueSoon: Listed<DigestCommitment>;
  /** Commissioners and admins: what fell due in the digest's window and is still open. */
  newlyOverdue: Listed<DigestCommitment> | null;
  /** Commissioners and admins: evidence waiting for review on their mesas. */
  toReview: Listed<DigestEvidence> | null;
  /** Monitors: their evidence accepted or rejected in the window, with the reviewer's note. */
  reviewed: Listed<DigestEvidence> | null;
};

const listed = <T>(items: T[]): Listed<T> => ({ items: items.slice(0, DIGEST_LIST_LIMIT), total: items.length });

/**
 * The digest of `viewer` at `today` for a window of `windowDays` days (1 daily, 7 weekly) ending
 * yesterday: from the instant `since` to `until` (the start of today).
 */
export function digestFor(
  viewer: NonNullable<Viewer>,
  today: string,
  windowDays: number,
  since: string,
  until: string,
): Digest {
  const mesaIds = [...viewer.mesaIds];
  const reviewer = viewer.role !== "monitor";
  const due = dueItems(viewer, mesaIds, shiftDate(today, -windowDays), shiftDate(today, DUE_SOON_DAYS));
  return {
    dueSoon: listed(due.filter((item) => item.dueOn >= today)),
    newlyOverdue: reviewer ? listed(due.filter((item) => item.dueOn < today)) : null,
    toReview: reviewer ? waitingForReview(mesaIds) : null,
    reviewed: reviewer ? null : reviewedBetween(viewer.userId, mesaIds, since, until),
  };
}

/** Open commitments, and open periods of recurring ones, due from `from` to `to`, soonest first. */
function dueItems(viewer: NonNullable<Viewer>, mesaIds: number[], from: string, to: string): DigestCommitment[] {
  if (mesaIds.length === 0) return [];
  const db = getDb();
  const columns = { id: commitments.id, code: commitments.code, title: commitments.title, mesa: mesas.name };
  const oneOff = db
    .select({ ...columns, dueOn: commitments.dueOn, status: commitments.status })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(
      and(inArray(commitments.mesaId, mesaIds), isNull(commitments.recurrence), between(commitments.dueOn, from, to)),
    )
    .all()
    .filter((row) => isOpen(row.status))
    .map((row) => ({ ...row, dueOn: row.dueOn!, period: null }));
  const recurring = db
    .select({
      ...columns,
      recurrence: commitments.recurrence,
      startsOn: commitments.startsOn,
      endsOn: commitments.endsOn,
    })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(
      and(
        inArray(commitments.mesaId, mesaIds),
        isNotNull(commitments.recurrence),
        ne(commitments.status, "superseded"),
      ),
    )
    .all();
  const periods = periodsOf(
    viewer,
    recurring.map((c) => ({ id: c.id, recurrence: recurrenceOf(c) })),
    to,
  );
  const fromPeriods = recurring.flatMap((c) =>
    (periods.get(c.id) ?? [])
      .filter((p) => isOpen(p.status) && p.dueOn >= from && p.dueOn <= to)
      .map((p) => ({ id: c.id, code: c.code, title: c.title, mesa: c.mesa, dueOn: p.dueOn, period: p.n })),
  );
  return [...oneOff, ...fromPeriods].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
}

const evidenceColumns = {
  id: evidence.id,
  commitmentId: commitments.id,
  code: commitments.code,
  title: commitments.title,
  kind: evidence.kind,
};

function waitingForReview(mesaIds: number[]): Listed<DigestEvidence> {
  if (mesaIds.length === 0) return { items: [], total: 0 };
  const db = getDb();
  const where = and(eq(evidence.reviewState, "submitted"), inArray(commitments.mesaId, mesaIds));
  const items = db
    .select({ ...evidenceColumns, at: evidence.createdAt })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(where)
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
    .limit(DIGEST_LIST_LIMIT)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(evidence)
      .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
      .where(where)
      .get()?.n ?? 0;
  return { items, total };
}

/** Their evidence decided in the window, on the mesas they still work on (restricted items included). */
function reviewedBetween(userId: number, mesaIds: number[], since: string, until: string): Listed<DigestEvidence> {
  if (mesaIds.length === 0) return { items: [], total: 0 };
  const items = getDb()
    .select({ ...evidenceColumns, at: evidence.reviewedAt, decision: evidence.reviewState, note: evidence.reviewNote })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(
      and(
        eq(evidence.submittedBy, userId),
        inArray(commitments.mesaId, mesaIds),
        gte(evidence.reviewedAt, since),
        lt(evidence.reviewedAt, until),
      ),
    )
    .orderBy(asc(evidence.reviewedAt))
    .all()
    .map((row) => ({ ...row, at: row.at! }));
  return listed(items);
}
