import "server-only";
import { revalidateTag } from "next/cache";

// Cache tags of the public figures (see ./figures.ts). A cached entry carries `figures` plus the
// mesa and party it is scoped to, or `figures:all` when it spans every mesa; a write invalidates
// exactly what it can change.

export const FIGURES = "figures";
const ALL = "figures:all";
const mesaTag = (id: number) => `figures:mesa:${id}`;
const partyTag = (id: number) => `figures:party:${id}`;

export function tagsForScope(scope: { mesaId?: number; partyId?: number }): string[] {
  const tags = [FIGURES];
  if (scope.mesaId !== undefined) tags.push(mesaTag(scope.mesaId));
  if (scope.partyId !== undefined) tags.push(partyTag(scope.partyId));
  if (tags.length === 1) tags.push(ALL);
  return tags;
}

/** What a change to commitments of a mesa, with these responsible parties, makes stale. */
export function tagsForCommitment(mesaId: number, partyIds: Iterable<number>): string[] {
  return [ALL, mesaTag(mesaId), ...[...partyIds].map(partyTag)];
}

/**
 * Expires cached figures at once, so the next read sees the write ("max" would serve the stale
 * entry once more). Next.js applies it when the request that wrote ends. Outside the Next.js
 * server (the CLI, unit tests) nothing is cached, so there is nothing to expire.
 */
export function invalidate(tags: Iterable<string>): void {
  if (!process.env.NEXT_RUNTIME) return;
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
