import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { parties } from "../schema";

/**
 * A party's own public facts, or null: one indexed row, so that the party page can answer 404
 * before it streams the scorecard (`getParty`, which counts).
 */
export function findPartyProfile(slug: string) {
  return (
    getDb()
      .select({ slug: parties.slug, name: parties.name, kind: parties.kind })
      .from(parties)
      .where(eq(parties.slug, slug))
      .get() ?? null
  );
}
