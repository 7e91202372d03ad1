import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { visibleEvidence, type Viewer } from "../access";
import { getDb } from "../client";
import type { EvidenceBasics, EvidenceFile } from "../api-schemas";
import { commitments, evidence, evidenceFiles, files } from "../schema";

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

/**
 * Evidence as `POST /commitments/{id}/evidence` answers it, or null when there is none the viewer
 * may see (access.ts visibleEvidence).
 */
export function evidenceById(viewer: Viewer, id: number) {
  const row = getDb()
    .select({ ...evidenceColumns, commitmentId: evidence.commitmentId, reviewState: evidence.reviewState })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(and(eq(evidence.id, id), visibleEvidence(viewer)))
    .get();
  return row ? { ...row, files: filesOfEvidence(viewer, [id]).get(id) ?? [] } : null;
}

export type SubmittedEvidence = NonNullable<ReturnType<typeof evidenceById>>;

/**
 * The files of several pieces of evidence, by evidence id; only of evidence the viewer may see.
 * `withMetadata` adds what each file still carries (for staff of the mesa, who decide whether to
 * publish it; never for the public).
 */
export function filesOfEvidence(
  viewer: Viewer,
  ids: number[],
  { withMetadata = false } = {},
): Map<number, EvidenceFile[]> {
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
    .innerJoin(evidence, eq(evidence.id, evidenceFiles.evidenceId))
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(and(inArray(evidenceFiles.evidenceId, ids), visibleEvidence(viewer)))
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
