import "server-only";
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import { visibleCommitments, type Viewer } from "../access";
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

/**
 * One page of the submitted evidence on the mesas the viewer may edit (admins: all), oldest
 * submission first, with the size of the whole queue.
 */
export function listEvidenceToReview(viewer: Viewer, page = 1): { items: EvidenceToReview[]; total: number } {
  const mesaScope = reviewableMesas(viewer);
  if (!mesaScope) return { items: [], total: 0 };
  const db = getDb();
  const where = and(eq(evidence.reviewState, "submitted"), mesaScope);
  // Counted from the index alone: an admin's queue needs no commitment, a commissioner's starts
  // from the commitments of their mesas (one lookup per queued item took seconds at 1M evidence).
  const ofTheirMesas =
    viewer?.role === "admin"
      ? undefined
      : inArray(evidence.commitmentId, db.select({ id: commitments.id }).from(commitments).where(mesaScope));
  const total =
    db
      .select({ n: count() })
      .from(evidence)
      .where(and(eq(evidence.reviewState, "submitted"), ofTheirMesas))
      .get()?.n ?? 0;
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
  const attachments = filesOfEvidence(rows.map((r) => r.id));
  const items = rows.map(({ commitmentId, code, title, status, mesaSlug, mesaName, ...item }) => ({
    ...item,
    commitment: { id: commitmentId, code, title, status },
    mesa: { slug: mesaSlug, name: mesaName },
    files: attachments.get(item.id) ?? [],
  }));
  return { items, total };
}
