import "server-only";
import { asc, eq } from "drizzle-orm";
import type { PartyMesaStanding } from "../api-schemas";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, emptyTally, type Tally } from "../rules";
import { mesaParties, mesas, parties } from "../schema";
import { cachedFigures } from "../cache/figures";
import { tallyByMesa, tallyScope } from "./aggregates";
import { countsOf } from "./mesas";

/** A party's scorecard: its commitments in every mesa it takes part in or is responsible in. */
export async function getParty(viewer: Viewer, slug: string, asOf?: string) {
  const party = getDb()
    .select({ id: parties.id, slug: parties.slug, name: parties.name, kind: parties.kind })
    .from(parties)
    .where(eq(parties.slug, slug))
    .get();
  if (!party) return null;
  const scope = { partyId: party.id, asOf };
  const figures = await cachedFigures("party", viewer, scope, () => partyFigures(viewer, party.id, scope));
  const { id: _, ...dto } = party;
  return { ...dto, ...figures };
}

function partyFigures(viewer: Viewer, partyId: number, scope: { partyId: number; asOf?: string }) {
  const db = getDb();
  const byMesa = tallyByMesa(viewer, scope);
  const roles = new Map(
    db
      .select({ mesaId: mesaParties.mesaId, role: mesaParties.role })
      .from(mesaParties)
      .where(eq(mesaParties.partyId, partyId))
      .all()
      .map((r) => [r.mesaId, r.role]),
  );
  const standings: PartyMesaStanding[] = db
    .select({ id: mesas.id, slug: mesas.slug, name: mesas.name })
    .from(mesas)
    .orderBy(asc(mesas.name))
    .all()
    .filter((mesa) => roles.has(mesa.id) || byMesa.has(mesa.id))
    .map((mesa) => {
      const t: Tally = byMesa.get(mesa.id) ?? emptyTally();
      return {
        slug: mesa.slug,
        name: mesa.name,
        role: roles.get(mesa.id) ?? null,
        counts: countsOf(t),
        total: t.total,
        complianceRate: complianceRate(t),
      };
    });
  const overall = tallyScope(viewer, scope);
  return { counts: countsOf(overall), total: overall.total, complianceRate: complianceRate(overall), mesas: standings };
}

export type PartyDetail = NonNullable<Awaited<ReturnType<typeof getParty>>>;

/** Parties (public data) for menus and the admin's editing list, by name. */
export function listParties() {
  return getDb()
    .select({ slug: parties.slug, name: parties.name, kind: parties.kind })
    .from(parties)
    .orderBy(asc(parties.name))
    .all();
}
