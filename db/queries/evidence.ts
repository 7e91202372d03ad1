import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { evidence, evidenceFiles, files } from "../schema";

/** Evidence as `POST /commitments/{id}/evidence` answers it. */
export function evidenceById(id: number) {
  const db = getDb();
  const row = db
    .select({
      id: evidence.id,
      commitmentId: evidence.commitmentId,
      observedOn: evidence.observedOn,
      kind: evidence.kind,
      summary: evidence.summary,
      sourceUrl: evidence.sourceUrl,
      suggestedStatus: evidence.suggestedStatus,
      reviewState: evidence.reviewState,
    })
    .from(evidence)
    .where(eq(evidence.id, id))
    .get();
  if (!row) return null;
  const attached = db
    .select({
      sha256: files.sha256,
      name: evidenceFiles.originalName,
      mimeType: files.mimeType,
      sizeBytes: files.sizeBytes,
    })
    .from(evidenceFiles)
    .innerJoin(files, eq(files.sha256, evidenceFiles.sha256))
    .where(eq(evidenceFiles.evidenceId, id))
    .all();
  return { ...row, files: attached };
}

export type SubmittedEvidence = NonNullable<ReturnType<typeof evidenceById>>;
