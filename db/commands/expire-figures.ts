import "server-only";
import { eq } from "drizzle-orm";
import { invalidate, tagsForCommitment } from "../cache/tags";
import { commitmentParties, commitments } from "../schema";
import type { Tx } from "./audit";

/**
 * Expires the cached figures a commitment counts in: its mesa's, its parties' and the overall
 * ones. Call it inside the writing transaction (before and after an edit that can move the
 * commitment between parties): Next.js applies the expiry when the request ends, after commit.
 */
export function expireFiguresOf(tx: Tx, commitmentId: number): void {
  const row = tx.select({ mesaId: commitments.mesaId }).from(commitments).where(eq(commitments.id, commitmentId)).get();
  if (!row) return;
  const partyIds = tx
    .select({ partyId: commitmentParties.partyId })
    .from(commitmentParties)
    .where(eq(commitmentParties.commitmentId, commitmentId))
    .all()
    .map((link) => link.partyId);
  invalidate(tagsForCommitment(row.mesaId, partyIds));
}
