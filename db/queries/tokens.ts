import "server-only";
import { desc, eq } from "drizzle-orm";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { apiTokens } from "../schema";

export type TokenDto = {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

/** The viewer's own API tokens, newest first. Never the hash. */
export function listTokens(viewer: Viewer): TokenDto[] {
  const owner = requireRole(viewer, "monitor");
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, owner.userId))
    .orderBy(desc(apiTokens.id))
    .all();
}
