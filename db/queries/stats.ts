import "server-only";
import { getDb } from "../client";
import type { Viewer } from "../access";
import type { PartyStanding, Quality, Standing, Stats } from "../api-schemas";
import { complianceRate, shiftDate, sumTallies, type Tally } from "../rules";
import { mesas, parties } from "../schema";
import { cachedFigures } from "../cache/figures";
import {
  dueWithin,
  periodsDueBetween,
  referenceDay,
  tallyByMesa,
  tallyByParty,
  tallyByTheme,
  type FigureScope,
} from "./aggregates";
import { monthlyCompliance } from "./monthly";
import { oldestOverdue } from "./overdue";
import { qualityByMesa, sumQuality } from "./quality";

export type { PartyStanding, Quality, Standing, Stats };

/** CONTRACT §5 `/stats`: totals, per-party standings and a yearly trend for a scope. */
export function computeStats(viewer: Viewer, scope: FigureScope = {}): Stats {
  // Every commitment belongs to one mesa: the mesas' tallies add up to the scope's.
  const perMesa = tallyByMesa(viewer, scope);
  const overall = sumTallies(perMesa.values());
  const { asOf: _, ...withoutDay } = scope;
  const day = referenceDay(scope.asOf);
  const [within30, within90] = dueWithin(viewer, scope, [30, 90]);
  const month = monthOf(day);
  const qualityPerMesa = qualityByMesa(viewer, scope);
  return {
    day,
    counts: overall.counts,
    overdue: overall.overdue,
    total: overall.total,
    complianceRate: complianceRate(overall),
    periods: overall.periods,
    rated: overall.rated,
    byParty: partyStandings(tallyByParty(viewer, scope)),
    byMonth: monthlyCompliance(viewer, withoutDay, day),
    byMesa: mesaStandings(perMesa, qualityPerMesa),
    byTheme: [...tallyByTheme(viewer, scope)]
      .map(([theme, t]) => ({ theme, ...standing(t) }))
      .sort((a, b) => b.total - a.total || a.theme.localeCompare(b.theme)),
    dueSoon: { within30, within90 },
    periodsDueThisMonth: { ...month, ...periodsDueBetween(viewer, scope, month.from, month.to) },
    quality: sumQuality(qualityPerMesa.values()),
    oldestOverdue: oldestOverdue(viewer, scope),
  };
}

/** The first and last day of a day's month. */
function monthOf(day: string) {
  const from = `${day.slice(0, 7)}-01`;
  // The 28th plus four days is always in the next month.
  const next = shiftDate(`${day.slice(0, 7)}-28`, 4);
  return { from, to: shiftDate(`${next.slice(0, 7)}-01`, -1) };
}

const standing = (t: Tally): Standing => ({
  counts: t.counts,
  overdue: t.overdue,
  total: t.total,
  complianceRate: complianceRate(t),
});

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
        periods: t.periods,
      };
    })
    .sort((a, b) => b.overdue + b.broken - (a.overdue + a.broken) || a.name.localeCompare(b.name, "es"));
}
