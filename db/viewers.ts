import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Viewer } from "./access";
import { getDb } from "./client";
import { apiTokens, userMesas, users } from "./schema";
import { noteRequestUser } from "../server/request-context.mjs";

// Who a request is: loaded fresh from the database every time, so that disabling a user,
// changing a role or revoking a token takes effect on the very next request.

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The viewer for a user id, or null when the user is gone or disabled, or (for a session that
 * signed in at `signedInAt`) when their password was reset since.
 */
export function viewerForUser(userId: number, signedInAt?: number): Viewer {
  const db = getDb();
  const user = db
    .select({ id: users.id, name: users.name, role: users.role, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .get();
  if (!user) return null;
  if (signedInAt !== undefined && user.sessionsValidAfter && signedInAt < Date.parse(user.sessionsValidAfter)) {
    return null;
  }
  noteRequestUser(user.id);
  const mesaIds = db
    .select({ mesaId: userMesas.mesaId })
    .from(userMesas)
    .where(eq(userMesas.userId, user.id))
    .all()
    .map((row) => row.mesaId);
  return { userId: user.id, name: user.name, role: user.role, mesaIds };
}

/**
 * The viewer for a personal API token (recording its use), or null when unknown, revoked or
 * expired.
 */
export function viewerForToken(token: string): Viewer {
  const db = getDb();
  const now = new Date().toISOString();
  const row = db
    .select({ id: apiTokens.id, userId: apiTokens.userId })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .get();
  if (!row) return null;
  const viewer = viewerForUser(row.userId);
  if (!viewer) return null;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return { ...viewer, viaToken: true };
}
