import "server-only";
import { and, asc, count, eq, lt, notInArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { Tx } from "../commands/audit";
import { outbox } from "../schema";

type OutgoingMessage = {
  /** What the message is about, unique: the same notification is never queued twice. */
  key: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
};

type QueuedMessage = OutgoingMessage & { id: number; headers: Record<string, string> };

/** A failed delivery is tried again on later runs, up to this many times in all. */
const MAX_ATTEMPTS = 5;

/**
 * Queues a message inside the caller's transaction; false when its key was queued before.
 * `skipped` records a decision to send nothing for that key.
 */
export function enqueue(tx: Tx, message: OutgoingMessage, state: "queued" | "skipped" = "queued"): boolean {
  const { changes } = tx
    .insert(outbox)
    .values({
      key: message.key,
      toAddress: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers ?? {},
      state,
    })
    .onConflictDoNothing()
    .run();
  return changes > 0;
}

export function isQueued(key: string): boolean {
  return getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.key, key)).get() !== undefined;
}

/**
 * Takes the oldest queued message for delivery, marking it `sending` in the same transaction,
 * so that no other run (or this one after a restart) hands it to the mail server again.
 */
export function claimNext(triedThisRun: number[] = []): QueuedMessage | null {
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.state, "queued"), lt(outbox.attempts, MAX_ATTEMPTS), notInArray(outbox.id, triedThisRun)))
      .orderBy(asc(outbox.id))
      .limit(1)
      .get();
    if (!row) return null;
    tx.update(outbox)
      .set({ state: "sending", attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, row.id))
      .run();
    return { id: row.id, key: row.key, to: row.toAddress, subject: row.subject, text: row.text, headers: row.headers };
  });
}

export function markSent(id: number): void {
  getDb()
    .update(outbox)
    .set({ state: "sent", sentAt: new Date().toISOString(), lastError: null })
    .where(eq(outbox.id, id))
    .run();
}

/** The mail server refused or could not be reached: try again later, or give up after the last attempt. */
export function markFailed(id: number, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  getDb()
    .update(outbox)
    .set({
      state: sql`CASE WHEN ${outbox.attempts} >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END`,
      lastError: message.slice(0, 500),
    })
    .where(eq(outbox.id, id))
    .run();
}

/** Messages claimed by a run that ended before the mail server answered (a crash): not resent. */
export function interruptedCount(): number {
  return getDb().select({ n: count() }).from(outbox).where(eq(outbox.state, "sending")).get()?.n ?? 0;
}
