import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
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

/** Submitted evidence on the mesas the viewer may edit (admins: all), oldest submission first. */
export function listEvidenceToReview(viewer: Viewer): EvidenceToReview[] {
  const mesaScope = reviewableMesas(viewer);
  if (!mesaScope) return [];
  const db = getDb();
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
    .where(and(eq(evidence.reviewState, "submitted"), mesaScope))
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
    .all();
  const attachments = filesOfEvidence(rows.map((r) => r.id));
  return rows.map(({ commitmentId, code, title, status, mesaSlug, mesaName, ...item }) => ({
    ...item,
    commitment: { id: commitmentId, code, title, status },
    mesa: { slug: mesaSlug, name: mesaName },
    files: attachments.get(item.id) ?? [],
  }));
}
