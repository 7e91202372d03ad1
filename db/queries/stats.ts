import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, tally, tallyByParty, type StatusCounts } from "../rules";
import { parties } from "../schema";
import { loadFacts, referenceDay, type FactScope } from "./facts";
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
export function getStats(viewer: Viewer, scope: FactScope = {}): Stats {
  const day = referenceDay(scope.asOf);
  const facts = loadFacts(viewer, scope);
  const overall = tally(facts, day);
  return {
    counts: overall.counts,
    overdue: overall.overdue,
    total: overall.total,
    complianceRate: complianceRate(overall),
    byParty: partyStandings(tallyByParty(facts, day)),
    byMonth: monthlyCompliance(viewer, scope, day),
  };
}

function partyStandings(byPartyId: ReturnType<typeof tallyByParty<number>>): PartyStanding[] {
  const ids = [...byPartyId.keys()];
  if (ids.length === 0) return [];
  const rows = getDb()
    .select({ id: parties.id, slug: parties.slug, name: parties.name })
    .from(parties)
    .where(inArray(parties.id, ids))
    .all();
  return rows
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
