import "server-only";
import { asc, eq } from "drizzle-orm";
import type { ParticipationRole } from "../enums";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, tally } from "../rules";
import { mesaParties, mesas, parties } from "../schema";
import { loadFacts, referenceDay } from "./facts";
import { countsOf, type Counts } from "./mesas";

export type PartyMesaStanding = {
  slug: string;
  name: string;
  role: ParticipationRole | null;
  counts: Counts;
  total: number;
  complianceRate: number | null;
};

/** A party's scorecard: its commitments in every mesa it takes part in or is responsible in. */
export function getParty(viewer: Viewer, slug: string, asOf?: string) {
  const db = getDb();
  const party = db
    .select({ id: parties.id, slug: parties.slug, name: parties.name, kind: parties.kind })
    .from(parties)
    .where(eq(parties.slug, slug))
    .get();
  if (!party) return null;

  const day = referenceDay(asOf);
  const facts = loadFacts(viewer, { partyId: party.id, asOf });
  const roles = new Map(
    db
      .select({ mesaId: mesaParties.mesaId, role: mesaParties.role })
      .from(mesaParties)
      .where(eq(mesaParties.partyId, party.id))
      .all()
      .map((r) => [r.mesaId, r.role]),
  );
  const mesaIds = new Set([...roles.keys(), ...facts.map((f) => f.mesaId)]);
  const standings: PartyMesaStanding[] = db
    .select({ id: mesas.id, slug: mesas.slug, name: mesas.name })
    .from(mesas)
    .orderBy(asc(mesas.name))
    .all()
    .filter((mesa) => mesaIds.has(mesa.id))
    .map((mesa) => {
      const t = tally(
        facts.filter((f) => f.mesaId === mesa.id),
        day,
      );
      return {
        slug: mesa.slug,
        name: mesa.name,
        role: roles.get(mesa.id) ?? null,
        counts: countsOf(t),
        total: t.total,
        complianceRate: complianceRate(t),
      };
    });

  const overall = tally(facts, day);
  const { id: _, ...dto } = party;
  return {
    ...dto,
    counts: countsOf(overall),
    total: overall.total,
    complianceRate: complianceRate(overall),
    mesas: standings,
  };
}

export type PartyDetail = NonNullable<ReturnType<typeof getParty>>;

/** Parties (public data) for menus and the admin's editing list, by name. */
export function listParties() {
  return getDb()
    .select({ slug: parties.slug, name: parties.name, kind: parties.kind })
    .from(parties)
    .orderBy(asc(parties.name))
    .all();
}
