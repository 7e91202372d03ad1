import { getDb } from "../client";
import type { PartyKind, RecurrenceEvery, Status, Visibility } from "../enums";
import { commitmentParties, commitments, evidence, mesas, parties, statusChanges, users } from "../schema";

// Small builders for query tests: rows written straight to the test database.

let sequence = 0;
const next = () => ++sequence;

export function makeUser(role: "monitor" | "commissioner" | "admin" = "commissioner", name = `User ${next()}`) {
  return getDb()
    .insert(users)
    .values({ email: `user${next()}@test.example`, name, role, passwordHash: "x" })
    .returning()
    .get();
}

export function makeMesa(slug = `mesa-${next()}`) {
  return getDb()
    .insert(mesas)
    .values({ slug, name: `Mesa ${slug}`, region: "Apurímac" })
    .returning()
    .get();
}

export function makeParty(slug = `party-${next()}`, kind: PartyKind = "community") {
  return getDb()
    .insert(parties)
    .values({ slug, name: `Party ${slug}`, kind })
    .returning()
    .get();
}

export function makeCommitment(input: {
  mesaId: number;
  partyIds: number[];
  status?: Status;
  dueOn?: string | null;
  madeOn?: string;
  title?: string;
  text?: string;
  code?: string;
  visibility?: Visibility;
  supersededBy?: number;
  history?: { to: Status; at: string; by: number }[];
  /** Recurring from `madeOn`, open-ended. */
  recurrence?: RecurrenceEvery;
}) {
  const db = getDb();
  const row = db
    .insert(commitments)
    .values({
      mesaId: input.mesaId,
      code: input.code ?? `C-${next()}`,
      title: input.title ?? `Commitment ${sequence}`,
      text: input.text ?? "Texto del acta.",
      theme: "water",
      madeOn: input.madeOn ?? "2025-01-01",
      dueOn: input.dueOn ?? null,
      status: input.status ?? "pending",
      visibility: input.visibility ?? "public",
      supersededBy: input.supersededBy ?? null,
      recurrence: input.recurrence ?? null,
      startsOn: input.recurrence ? (input.madeOn ?? "2025-01-01") : null,
    })
    .returning()
    .get();
  input.partyIds.forEach((partyId, i) =>
    db
      .insert(commitmentParties)
      .values({ commitmentId: row.id, partyId, isLead: i === 0 })
      .run(),
  );
  let from: Status | null = null;
  for (const change of input.history ?? []) {
    db.insert(statusChanges)
      .values({
        commitmentId: row.id,
        fromStatus: from,
        toStatus: change.to,
        changedBy: change.by,
        changedAt: change.at,
        reason: "test",
      })
      .run();
    from = change.to;
  }
  return row;
}

export function makeEvidence(
  commitmentId: number,
  submittedBy: number,
  reviewState: "submitted" | "accepted" | "rejected",
) {
  return getDb()
    .insert(evidence)
    .values({
      commitmentId,
      submittedBy,
      observedOn: "2025-02-01",
      kind: "photo",
      summary: `Evidence ${next()}`,
      reviewState,
      // As the review command does: a decision has its instant.
      reviewedAt: reviewState === "submitted" ? null : new Date().toISOString(),
    })
    .returning()
    .get();
}
