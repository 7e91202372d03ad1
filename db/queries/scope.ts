import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { parties } from "../schema";
import { CommandError } from "../commands/errors";
import type { FigureScope } from "./aggregates";
import { findMesaId } from "./mesas";

/**
 * Turns the slugs of an API request into a scope. A slug that matches nothing is a bad
 * parameter (400 naming it), not an empty answer that would look like "no commitments".
 */
export function resolveScope(params: {
  mesa?: string;
  party?: string;
  theme?: FigureScope["theme"];
  asOf?: string;
}): FigureScope {
  const scope: FigureScope = { theme: params.theme, asOf: params.asOf };
  if (params.mesa) scope.mesaId = findMesaId(params.mesa) ?? unknown("mesa");
  if (params.party) scope.partyId = findPartyId(params.party) ?? unknown("party");
  return scope;
}

export function findPartyId(slug: string): number | undefined {
  return getDb().select({ id: parties.id }).from(parties).where(eq(parties.slug, slug)).get()?.id;
}

function unknown(path: "mesa" | "party"): never {
  throw new CommandError(400, "invalid_parameters", `No ${path} with that slug.`, [{ path, code: "invalid_choice" }]);
}
