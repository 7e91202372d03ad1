import "server-only";
import { and, eq } from "drizzle-orm";
import { isStaffOf, requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { findCommitmentRow } from "../queries/commitments";
import { evidenceById, type SubmittedEvidence } from "../queries/evidence";
import { evidence, evidenceFiles, files } from "../schema";
import { discard, storeFile, type Received } from "../uploads";
import { audit } from "./audit";
import { evidenceInputSchema, idempotencyKeySchema } from "./evidence-input";
import { CommandError, forbidden, invalid, notFound, validate, type FieldIssue } from "./errors";
import { appTimeZone } from "../config";
import { elapsedCount, type Recurrence } from "../periods";
import { recurrenceOf } from "../queries/periods";
import { todayIn } from "../rules";

/**
 * The commitment a viewer may log evidence on: monitors, commissioners and admins of its mesa
 * (CONTRACT §2). Checked before the upload is read, so a refusal costs no transfer.
 */
export function evidenceTarget(viewer: Viewer, commitmentId: number) {
  const staff = requireRole(viewer, "monitor");
  const row = Number.isSafeInteger(commitmentId) && commitmentId > 0 ? findCommitmentRow(staff, commitmentId) : null;
  if (!row) throw notFound("Commitment");
  if (!isStaffOf(staff, row.mesaId)) throw forbidden();
  return { viewer: staff, commitmentId: row.id, recurrence: recurrenceOf(row) };
}

/** A period named by evidence must be one of its commitment's elapsed periods. */
function periodIssues(recurrence: Recurrence | null, period: number | undefined): FieldIssue[] {
  if (period === undefined) return [];
  if (!recurrence) return [{ path: "period", code: "not_recurring" }];
  return period > elapsedCount(recurrence, todayIn(appTimeZone()))
    ? [{ path: "period", code: "period_not_elapsed" }]
    : [];
}

/**
 * Stores evidence with its files, once per idempotency key and user: a repeated key answers the
 * first result again and stores nothing more. A refusal stores no row; files are only stored once
 * the input is valid. A failure after that (the transaction) leaves the stored files alone: a
 * concurrent upload of the same content may have just referenced them, and checking first then
 * removing is a race. Files no row references are removed by the start-up sweep
 * (db/seed/sweep-uploads.ts) once they are old enough.
 */
export async function submitEvidence(
  target: ReturnType<typeof evidenceTarget>,
  received: Received,
  idempotencyKey: string | null,
): Promise<SubmittedEvidence> {
  const { viewer, commitmentId } = target;
  try {
    const key = idempotencyKey === null ? null : validateKey(idempotencyKey);
    const earlier = key === null ? undefined : findByKey(viewer.userId, key);
    if (earlier !== undefined) return replay(viewer, earlier, commitmentId);
    const data = validate(evidenceInputSchema, received.fields);
    const issues = periodIssues(target.recurrence, data.period);
    if (issues.length) throw invalid(issues);

    for (const file of received.files) await storeFile(file);
    const id = getDb().transaction((tx) => {
      for (const file of received.files) {
        tx.insert(files)
          .values({
            sha256: file.sha256,
            mimeType: file.mimeType,
            sizeBytes: file.sizeBytes,
            metadataFindings: file.metadataFindings,
          })
          .onConflictDoNothing()
          .run();
      }
      const row = tx
        .insert(evidence)
        .values({
          commitmentId,
          submittedBy: viewer.userId,
          observedOn: data.observedOn,
          kind: data.kind,
          summary: data.summary,
          sourceUrl: data.sourceUrl ?? null,
          suggestedStatus: data.suggestedStatus ?? null,
          period: data.period ?? null,
          idempotencyKey: key,
        })
        .returning({ id: evidence.id })
        .get();
      const attached = new Map(received.files.map((f) => [f.sha256, f.name]));
      for (const [sha256, originalName] of attached) {
        tx.insert(evidenceFiles).values({ evidenceId: row.id, sha256, originalName }).run();
      }
      audit(tx, viewer, "evidence.submit", { type: "evidence", id: row.id }, null, {
        commitmentId,
        ...data,
        files: [...attached.keys()],
      });
      return row.id;
    });
    return evidenceById(viewer, id)!;
  } catch (error) {
    // Two requests with the same key at once: the database kept the first; answer with it.
    const raced =
      idempotencyKey && isUniqueViolation(error) ? findByKey(viewer.userId, idempotencyKey.trim()) : undefined;
    if (raced !== undefined) return replay(viewer, raced, commitmentId);
    throw error;
  } finally {
    await discard(received.files);
  }
}

function validateKey(key: string): string {
  const result = idempotencyKeySchema.safeParse(key);
  if (!result.success) {
    throw new CommandError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–200 characters.");
  }
  return result.data;
}

function findByKey(userId: number, key: string) {
  return getDb()
    .select({ id: evidence.id, commitmentId: evidence.commitmentId })
    .from(evidence)
    .where(and(eq(evidence.submittedBy, userId), eq(evidence.idempotencyKey, key)))
    .get();
}

/** The first answer again; a key reused for another commitment is a client error, not a replay. */
function replay(
  viewer: Viewer,
  earlier: { id: number; commitmentId: number },
  commitmentId: number,
): SubmittedEvidence {
  if (earlier.commitmentId !== commitmentId) {
    throw new CommandError(422, "idempotency_key_reused", "This Idempotency-Key was used for another commitment.");
  }
  return evidenceById(viewer, earlier.id)!;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "SQLITE_CONSTRAINT_UNIQUE";
}
