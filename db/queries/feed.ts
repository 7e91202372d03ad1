import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { PUBLIC, visibleCommitments } from "../access";
import type { Status } from "../enums";
import { commitments, evidence, mesas, statusChanges } from "../schema";

/** What a feed announces: an official status change or accepted evidence of a public commitment. */
export type FeedEvent =
  | { kind: "status"; id: string; at: string; commitment: FeedCommitment; from: Status; to: Status; reason: string }
  | { kind: "evidence"; id: string; at: string; commitment: FeedCommitment; summary: string };
type FeedCommitment = { id: number; code: string; title: string; mesa: string; mesaSlug: string };

/**
 * The latest public events, newest first, of every mesa or of one (CONTRACT §6 feeds). Feeds are
 * public: only public commitments count, whoever asks. The entry that records a commitment's
 * first status is its creation, not a change, and is left out.
 */
export function publicFeedEvents(scope: { mesaId?: number }, limit = 50): FeedEvent[] {
  const db = getDb();
  const where = and(
    visibleCommitments(PUBLIC),
    scope.mesaId === undefined ? undefined : eq(commitments.mesaId, scope.mesaId),
  );
  const commitment = {
    commitmentId: commitments.id,
    code: commitments.code,
    title: commitments.title,
    mesa: mesas.name,
    mesaSlug: mesas.slug,
  };
  const changes = db
    .select({
      ...commitment,
      id: statusChanges.id,
      at: statusChanges.changedAt,
      from: statusChanges.fromStatus,
      to: statusChanges.toStatus,
      reason: statusChanges.reason,
    })
    .from(statusChanges)
    .innerJoin(commitments, eq(commitments.id, statusChanges.commitmentId))
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(and(where, isNotNull(statusChanges.fromStatus)))
    .orderBy(desc(statusChanges.changedAt), desc(statusChanges.id))
    .limit(limit)
    .all();
  const accepted = db
    .select({ ...commitment, id: evidence.id, at: sql<string>`${evidence.reviewedAt}`, summary: evidence.summary })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(and(where, eq(evidence.reviewState, "accepted"), isNotNull(evidence.reviewedAt)))
    .orderBy(desc(evidence.reviewedAt), desc(evidence.id))
    .limit(limit)
    .all();
  const of = (row: (typeof changes)[number] | (typeof accepted)[number]): FeedCommitment => ({
    id: row.commitmentId,
    code: row.code,
    title: row.title,
    mesa: row.mesa,
    mesaSlug: row.mesaSlug,
  });
  const events: FeedEvent[] = [
    ...changes.map((c): FeedEvent => ({
      kind: "status",
      id: `status-${c.id}`,
      at: c.at,
      commitment: of(c),
      from: c.from!,
      to: c.to,
      reason: c.reason,
    })),
    ...accepted.map((e): FeedEvent => ({
      kind: "evidence",
      id: `evidence-${e.id}`,
      at: e.at,
      commitment: of(e),
      summary: e.summary,
    })),
  ];
  return events.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
