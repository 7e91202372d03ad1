import "server-only";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, sumTallies, type StatusCounts, type Tally } from "../rules";
import type { Theme } from "../enums";
import { mesas, parties } from "../schema";
import { cachedFigures } from "../cache/figures";
import { dueWithin, referenceDay, tallyByMesa, tallyByParty, tallyByTheme, type FigureScope } from "./aggregates";
import { monthlyCompliance } from "./monthly";
import { oldestOverdue, type OverdueCommitment } from "./overdue";
import { qualityByMesa, sumQuality } from "./quality";

export type PartyStanding = {
  slug: string;
  name: string;
  counts: StatusCounts;
  overdue: number;
  broken: number;
  complianceRate: number | null;
};

/** Figures of one group (a mesa, a theme): counts by status, overdue and the compliance rate. */
export type Standing = { counts: StatusCounts; overdue: number; total: number; complianceRate: number | null };

/** CONTRACT §1 agreement quality of a set of commitments (./quality.ts). */
export type Quality = { total: number; withoutDeadline: number; withoutAcceptedEvidence: number; staleOpen: number };

export type Stats = {
  /** The day the figures are for: `asOf`, else today in APP_TIMEZONE. */
  day: string;
  counts: StatusCounts;
  overdue: number;
  total: number;
  complianceRate: number | null;
  byParty: PartyStanding[];
  byMonth: { month: string; complianceRate: number | null }[];
  /** Beyond CONTRACT §5 (additive): what the dashboards draw. */
  byMesa: (Standing & { slug: string; name: string; followUpBody: string | null; quality: Quality })[];
  byTheme: (Standing & { theme: Theme })[];
  /** Open commitments falling due from the day on, within 30 and within 90 days. */
  dueSoon: { within30: number; within90: number };
  quality: Quality;
  /** The scope's ten longest overdue commitments. */
  oldestOverdue: OverdueCommitment[];
};

/** CONTRACT §5 `/stats`: totals, per-party standings and a yearly trend for a scope. */
export function computeStats(viewer: Viewer, scope: FigureScope = {}): Stats {
  // Every commitment belongs to one mesa: the mesas' tallies add up to the scope's.
  const perMesa = tallyByMesa(viewer, scope);
  const overall = sumTallies(perMesa.values());
  const { asOf: _, ...withoutDay } = scope;
  const day = referenceDay(scope.asOf);
  const [within30, within90] = dueWithin(viewer, scope, [30, 90]);
  const qualityPerMesa = qualityByMesa(viewer, scope);
  return {
    day,
    counts: overall.counts,
    overdue: overall.overdue,
    total: overall.total,
    complianceRate: complianceRate(overall),
    byParty: partyStandings(tallyByParty(viewer, scope)),
    byMonth: monthlyCompliance(viewer, withoutDay, day),
    byMesa: mesaStandings(perMesa, qualityPerMesa),
    byTheme: [...tallyByTheme(viewer, scope)]
      .map(([theme, t]) => ({ theme, ...standing(t) }))
      .sort((a, b) => b.total - a.total || a.theme.localeCompare(b.theme)),
    dueSoon: { within30, within90 },
    quality: sumQuality(qualityPerMesa.values()),
    oldestOverdue: oldestOverdue(viewer, scope),
  };
}

const standing = (t: Tally): Standing => ({ ...t, complianceRate: complianceRate(t) });

function mesaStandings(byMesaId: Map<number, Tally>, quality: Map<number, Quality>): Stats["byMesa"] {
  if (byMesaId.size === 0) return [];
  return getDb()
    .select({ id: mesas.id, slug: mesas.slug, name: mesas.name, followUpBody: mesas.followUpBody })
    .from(mesas)
    .all()
    .filter((mesa) => byMesaId.has(mesa.id))
    .map(({ id, ...mesa }) => ({ ...mesa, ...standing(byMesaId.get(id)!), quality: quality.get(id)! }))
    .sort((a, b) => a.name.localeCompare(b.name, "es"));
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
