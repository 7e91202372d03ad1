import "server-only";
import { and, eq, exists, or, sql } from "drizzle-orm";
import { visibleEvidence, type Viewer } from "../access";
import { getDb } from "../client";
import { commitments, evidence, evidenceFiles, files, meetings } from "../schema";

/**
 * A stored file the viewer may download, with a name to offer, or null. Meeting minutes are
 * public; an evidence file follows its evidence: accepted evidence of a commitment the viewer
 * can see, or any evidence for staff of that mesa.
 */
export function findReadableFile(viewer: Viewer, sha256: string) {
  const db = getDb();
  const viaEvidence = db
    .select({ name: evidenceFiles.originalName })
    .from(evidenceFiles)
    .innerJoin(evidence, eq(evidence.id, evidenceFiles.evidenceId))
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(and(eq(evidenceFiles.sha256, sha256), visibleEvidence(viewer)))
    .limit(1);
  const file = db
    .select({ sha256: files.sha256, mimeType: files.mimeType, sizeBytes: files.sizeBytes })
    .from(files)
    .where(
      and(
        eq(files.sha256, sha256),
        or(
          exists(viaEvidence),
          exists(
            db
              .select({ one: sql`1` })
              .from(meetings)
              .where(eq(meetings.minutesSha256, sha256)),
          ),
        ),
      ),
    )
    .get();
  if (!file) return null;
  const name =
    viaEvidence.get()?.name ??
    db.select({ name: meetings.minutesName }).from(meetings).where(eq(meetings.minutesSha256, sha256)).get()?.name;
  return { ...file, name: name ?? sha256 };
}
