import "server-only";
import { and, asc, eq, exists, lte, sql, type SQL } from "drizzle-orm";
import type { Theme, Status } from "../enums";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import { endOfDayInstant, statusAt, todayIn } from "../rules";
import { commitmentParties, commitments, statusChanges } from "../schema";

/** The few columns every count needs, for the commitments a viewer may see. */
export type CommitmentFact = {
  id: number;
  mesaId: number;
  theme: Theme;
  status: Status;
  dueOn: string | null;
  partyIds: number[];
};

export type FactScope = { mesaId?: number; partyId?: number; theme?: Theme; asOf?: string };

/** The day counts are made for: `asOf` when given, else today in APP_TIMEZONE. */
export function referenceDay(asOf?: string): string {
  return asOf ?? todayIn(appTimeZone());
}

function scopeWhere(viewer: Viewer, scope: FactScope): SQL {
  return and(
    visibleCommitments(viewer),
    scope.mesaId === undefined ? undefined : eq(commitments.mesaId, scope.mesaId),
    scope.theme === undefined ? undefined : eq(commitments.theme, scope.theme),
    scope.asOf === undefined ? undefined : lte(commitments.madeOn, scope.asOf),
    scope.partyId === undefined
      ? undefined
      : exists(
          getDb()
            .select({ one: sql`1` })
            .from(commitmentParties)
            .where(
              and(eq(commitmentParties.commitmentId, commitments.id), eq(commitmentParties.partyId, scope.partyId)),
            ),
        ),
  )!;
}

/**
 * Loads the facts for a scope. With `asOf`, only commitments made by then count, each with the
 * status it had at the end of that day, rebuilt from its history.
 */
export function loadFacts(viewer: Viewer, scope: FactScope = {}): CommitmentFact[] {
  const db = getDb();
  const where = scopeWhere(viewer, scope);
  const rows = db
    .select({
      id: commitments.id,
      mesaId: commitments.mesaId,
      theme: commitments.theme,
      status: commitments.status,
      dueOn: commitments.dueOn,
    })
    .from(commitments)
    .where(where)
    .all();

  const partyIds = new Map<number, number[]>();
  const links = db
    .select({ commitmentId: commitmentParties.commitmentId, partyId: commitmentParties.partyId })
    .from(commitmentParties)
    .innerJoin(commitments, eq(commitments.id, commitmentParties.commitmentId))
    .where(where)
    .all();
  for (const link of links) {
    const list = partyIds.get(link.commitmentId) ?? [];
    list.push(link.partyId);
    partyIds.set(link.commitmentId, list);
  }

  const facts = rows.map((row) => ({ ...row, partyIds: partyIds.get(row.id) ?? [] }));
  if (scope.asOf === undefined) return facts;
  return rebuildStatuses(facts, where, scope.asOf);
}

function rebuildStatuses(facts: CommitmentFact[], where: SQL, asOf: string): CommitmentFact[] {
  const end = endOfDayInstant(asOf, appTimeZone());
  const histories = new Map<number, { toStatus: Status; changedAt: string }[]>();
  const changes = getDb()
    .select({
      commitmentId: statusChanges.commitmentId,
      toStatus: statusChanges.toStatus,
      changedAt: statusChanges.changedAt,
    })
    .from(statusChanges)
    .innerJoin(commitments, eq(commitments.id, statusChanges.commitmentId))
    .where(where)
    .orderBy(asc(statusChanges.changedAt), asc(statusChanges.id))
    .all();
  for (const change of changes) {
    const list = histories.get(change.commitmentId) ?? [];
    list.push(change);
    histories.set(change.commitmentId, list);
  }
  return facts.map((fact) => ({ ...fact, status: statusAt(histories.get(fact.id) ?? [], end) }));
}
