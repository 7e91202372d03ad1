import type { Viewer } from "../access";
import { getDb } from "../client";
import {
  commitmentParties,
  commitmentPeriods,
  commitments,
  evidence,
  mesas,
  parties,
  periodStatusChanges,
  statusChanges,
} from "../schema";

// Tests recount figures from the raw rows, independently of the SQL under test.

export function rawRows() {
  const db = getDb();
  const links = db.select().from(commitmentParties).all();
  const history = db.select().from(statusChanges).orderBy(statusChanges.changedAt, statusChanges.id).all();
  const proofs = db.select().from(evidence).all();
  const periodRows = db.select().from(commitmentPeriods).all();
  const periodHistory = db
    .select()
    .from(periodStatusChanges)
    .orderBy(periodStatusChanges.changedAt, periodStatusChanges.id)
    .all();
  return db
    .select()
    .from(commitments)
    .all()
    .map((c) => ({
      ...c,
      partyIds: links.filter((l) => l.commitmentId === c.id).map((l) => l.partyId),
      history: history.filter((h) => h.commitmentId === c.id),
      evidence: proofs.filter((e) => e.commitmentId === c.id),
      periodRows: periodRows.filter((p) => p.commitmentId === c.id),
      periodHistory: periodHistory.filter((h) => h.commitmentId === c.id),
    }));
}
export type Raw = ReturnType<typeof rawRows>[number];

export function visibleTo(viewer: Viewer, c: Raw) {
  return viewer?.role === "admin" || c.visibility === "public" || !!viewer?.mesaIds.includes(c.mesaId);
}

/** The ids of every mesa and party, in insertion order. */
export function allIds() {
  const db = getDb();
  return {
    mesaIds: db
      .select({ id: mesas.id })
      .from(mesas)
      .all()
      .map((m) => m.id),
    partyIds: db
      .select({ id: parties.id })
      .from(parties)
      .all()
      .map((p) => p.id),
  };
}
