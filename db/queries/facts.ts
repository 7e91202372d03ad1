import "server-only";
import { and, asc, eq, exists, sql, type SQL } from "drizzle-orm";
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
  if (scope.asOf !== undefined) return factsAsOf(loadTimeline(viewer, scope), scope.asOf);
  return loadRows(scopeWhere(viewer, scope));
}

type Change = { toStatus: Status; changedAt: string };
/** Every commitment of a scope with its history, to rebuild the counts at several dates. */
export type Timeline = { facts: (CommitmentFact & { madeOn: string })[]; histories: Map<number, Change[]> };

/** The scope's commitments (whatever `asOf`) and their status histories, oldest change first. */
export function loadTimeline(viewer: Viewer, scope: FactScope): Timeline {
  const where = scopeWhere(viewer, { ...scope, asOf: undefined });
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
  return { facts: loadRows(where), histories: groupBy(changes, (c) => c.commitmentId) };
}

/** The facts as they stood at the end of `asOf` (in the app's time zone). */
export function factsAsOf(timeline: Timeline, asOf: string): CommitmentFact[] {
  const end = endOfDayInstant(asOf, appTimeZone());
  return timeline.facts
    .filter((fact) => fact.madeOn <= asOf)
    .map((fact) => ({ ...fact, status: statusAt(timeline.histories.get(fact.id) ?? [], end) }));
}

function loadRows(where: SQL) {
  const db = getDb();
  const rows = db
    .select({
      id: commitments.id,
      mesaId: commitments.mesaId,
      theme: commitments.theme,
      status: commitments.status,
      dueOn: commitments.dueOn,
      madeOn: commitments.madeOn,
    })
    .from(commitments)
    .where(where)
    .all();
  const links = db
    .select({ commitmentId: commitmentParties.commitmentId, partyId: commitmentParties.partyId })
    .from(commitmentParties)
    .innerJoin(commitments, eq(commitments.id, commitmentParties.commitmentId))
    .where(where)
    .all();
  const partyIds = groupBy(links, (link) => link.commitmentId);
  return rows.map((row) => ({ ...row, partyIds: (partyIds.get(row.id) ?? []).map((link) => link.partyId) }));
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
