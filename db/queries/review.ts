import "server-only";
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { visibleCommitments, type Viewer } from "../access";
import type { ReviewQueueCounts } from "../api-schemas";
import { getDb } from "../client";
import type { Status } from "../enums";
import { commitments, evidence, mesas, users } from "../schema";
import { evidenceColumns, filesOfEvidence, type EvidenceBasics } from "./evidence";

/** One item of the review queue (/review): submitted evidence with what a reviewer needs to judge it. */
export type EvidenceToReview = EvidenceBasics & {
  submittedBy: string;
  submittedAt: string;
  commitment: { id: number; code: string; title: string; status: Status };
  mesa: { slug: string; name: string };
};

/** The mesas whose evidence the viewer reviews, as a WHERE clause; null when none (not a reviewer). */
function reviewableMesas(viewer: Viewer): SQL | null {
  if (viewer?.role === "admin") return visibleCommitments(viewer);
  if (viewer?.role !== "commissioner" || viewer.mesaIds.length === 0) return null;
  return and(visibleCommitments(viewer), inArray(commitments.mesaId, [...viewer.mesaIds]))!;
}

export const REVIEW_PAGE_SIZE = 20;

/** How much submitted evidence waits on the viewer's mesas. */
function queueSize(viewer: Viewer, mesaScope: SQL): number {
  const db = getDb();
  // Counted from the index alone: an admin's queue needs no commitment, a commissioner's starts
  // from the commitments of their mesas (one lookup per queued item took seconds at 1M evidence).
  const ofTheirMesas =
    viewer?.role === "admin"
      ? undefined
      : inArray(evidence.commitmentId, db.select({ id: commitments.id }).from(commitments).where(mesaScope));
  return (
    db
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.reviewState, "submitted"), ofTheirMesas))
      .get()?.n ?? 0
  );
}

/** The size of the review queue, and for a commissioner its share on each of their mesas. */
export type { ReviewQueueCounts };

/**
 * What the review queue's counter shows (refetched every minute). An admin gets the total alone:
 * splitting it by mesa would join every queued item with its commitment (200,000 at national
 * scale), while a commissioner's handful of mesas is read from their commitments through the
 * evidence_commitment index. Mesas with nothing waiting are left out.
 */
export function reviewQueueCounts(viewer: Viewer): ReviewQueueCounts {
  const mesaScope = reviewableMesas(viewer);
  if (!mesaScope) return { total: 0, byMesa: [] };
  if (viewer?.role === "admin") return { total: queueSize(viewer, mesaScope), byMesa: [] };
  const byMesa = getDb()
    .select({ slug: mesas.slug, name: mesas.name, waiting: count() })
    .from(commitments)
    .innerJoin(evidence, and(eq(evidence.commitmentId, commitments.id), eq(evidence.reviewState, "submitted")))
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(mesaScope)
    .groupBy(mesas.id)
    .orderBy(asc(mesas.name))
    .all();
  return { total: byMesa.reduce((sum, m) => sum + m.waiting, 0), byMesa };
}

/**
 * One page of the submitted evidence on the mesas the viewer may edit (admins: all), oldest
 * submission first, with the size of the whole queue.
 */
export function listEvidenceToReview(viewer: Viewer, page = 1): { items: EvidenceToReview[]; total: number } {
  const mesaScope = reviewableMesas(viewer);
  if (!mesaScope) return { items: [], total: 0 };
  const db = getDb();
  const where = and(eq(evidence.reviewState, "submitted"), mesaScope);
  const total = queueSize(viewer, mesaScope);
  const rows = db
    .select({
      ...evidenceColumns,
      submittedBy: users.name,
      submittedAt: evidence.createdAt,
      commitmentId: commitments.id,
      code: commitments.code,
      title: commitments.title,
      status: commitments.status,
      mesaSlug: mesas.slug,
      mesaName: mesas.name,
    })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .innerJoin(users, eq(users.id, evidence.submittedBy))
    .where(where)
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
    .limit(REVIEW_PAGE_SIZE)
    .offset((page - 1) * REVIEW_PAGE_SIZE)
    .all();
  const attachments = filesOfEvidence(
    viewer,
    rows.map((r) => r.id),
    { withMetadata: true },
  );
  const items = rows.map(({ commitmentId, code, title, status, mesaSlug, mesaName, ...item }) => ({
    ...item,
    commitment: { id: commitmentId, code, title, status },
    mesa: { slug: mesaSlug, name: mesaName },
    files: attachments.get(item.id) ?? [],
  }));
  return { items, total };
}
