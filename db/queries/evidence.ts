import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import type { EvidenceBasics, EvidenceFile } from "../api-schemas";
import { evidence, evidenceFiles, files } from "../schema";

export type { EvidenceBasics };

/** The columns every view of a piece of evidence shows. */
export const evidenceColumns = {
  id: evidence.id,
  observedOn: evidence.observedOn,
  kind: evidence.kind,
  summary: evidence.summary,
  sourceUrl: evidence.sourceUrl,
  suggestedStatus: evidence.suggestedStatus,
  period: evidence.period,
};

/** Evidence as `POST /commitments/{id}/evidence` answers it. */
export function evidenceById(id: number) {
  const row = getDb()
    .select({ ...evidenceColumns, commitmentId: evidence.commitmentId, reviewState: evidence.reviewState })
    .from(evidence)
    .where(eq(evidence.id, id))
    .get();
  return row ? { ...row, files: filesOfEvidence([id]).get(id) ?? [] } : null;
}

export type SubmittedEvidence = NonNullable<ReturnType<typeof evidenceById>>;

/**
 * The files of several pieces of evidence, by evidence id. `withMetadata` adds what each file
 * still carries (for staff of the mesa, who decide whether to publish it; never for the public).
 */
export function filesOfEvidence(ids: number[], { withMetadata = false } = {}): Map<number, EvidenceFile[]> {
  const result = new Map<number, EvidenceFile[]>();
  if (ids.length === 0) return result;
  const rows = getDb()
    .select({
      evidenceId: evidenceFiles.evidenceId,
      sha256: files.sha256,
      name: evidenceFiles.originalName,
      mimeType: files.mimeType,
      sizeBytes: files.sizeBytes,
      metadata: files.metadataFindings,
    })
    .from(evidenceFiles)
    .innerJoin(files, eq(files.sha256, evidenceFiles.sha256))
    .where(inArray(evidenceFiles.evidenceId, ids))
    .orderBy(asc(evidenceFiles.originalName))
    .all();
  for (const { evidenceId, metadata, ...file } of rows) {
    const list = result.get(evidenceId) ?? [];
    list.push(withMetadata ? { ...file, metadata } : file);
    result.set(evidenceId, list);
  }
  return result;
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
};

/** A name that says nothing about the uploader (their own file names can say who or where). */
export function neutralFileName(sha256: string, mimeType: string, suffix = ""): string {
  return `evidencia-${sha256.slice(0, 12)}${suffix}.${EXTENSIONS[mimeType] ?? "bin"}`;
}
