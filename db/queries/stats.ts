import "server-only";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, type StatusCounts, type Tally } from "../rules";
import { parties } from "../schema";
import { cachedFigures } from "../cache/figures";
import { referenceDay, tallyByParty, tallyScope, type FigureScope } from "./aggregates";
import { monthlyCompliance } from "./monthly";

export type PartyStanding = {
  slug: string;
  name: string;
  counts: StatusCounts;
  overdue: number;
  broken: number;
  complianceRate: number | null;
};

export type Stats = {
  counts: StatusCounts;
  overdue: number;
  total: number;
  complianceRate: number | null;
  byParty: PartyStanding[];
  byMonth: { month: string; complianceRate: number | null }[];
};

/** CONTRACT §5 `/stats`: totals, per-party standings and a yearly trend for a scope. */
export function computeStats(viewer: Viewer, scope: FigureScope = {}): Stats {
  const overall = tallyScope(viewer, scope);
  const { asOf: _, ...withoutDay } = scope;
  return {
    counts: overall.counts,
    overdue: overall.overdue,
    total: overall.total,
    complianceRate: complianceRate(overall),
    byParty: partyStandings(tallyByParty(viewer, scope)),
    byMonth: monthlyCompliance(viewer, withoutDay, referenceDay(scope.asOf)),
  };
}

/** `computeStats`, cached until a write changes the scope (db/cache). */
export function getStats(viewer: Viewer, scope: FigureScope = {}): Promise<Stats> {
  return cachedFigures("stats", viewer, scope, () => computeStats(viewer, scope));
}

function partyStandings(byPartyId: Map<number, Tally>): PartyStanding[] {
  if (byPartyId.size === 0) return [];
  return getDb()
    .select({ id: parties.id, slug: parties.slug, name: parties.name })
    .from(parties)
    .all()
    .filter((party) => byPartyId.has(party.id))
    .map((party) => {
      const t = byPartyId.get(party.id)!;
      return {
        slug: party.slug,
        name: party.name,
        counts: t.counts,
        overdue: t.overdue,
        broken: t.counts.broken,
        complianceRate: complianceRate(t),
      };
    })
    .sort((a, b) => b.overdue + b.broken - (a.overdue + a.broken) || a.name.localeCompare(b.name, "es"));
}
