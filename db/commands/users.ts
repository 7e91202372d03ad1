import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { requireRole, requireSession, type Viewer } from "../access";
import { getDb } from "../client";
import { getUser } from "../queries/users";
import { hashPassword } from "../passwords";
import { apiTokens, userMesas, users } from "../schema";
import { audit, type Tx } from "./audit";
import { invalid, notFound, validate } from "./errors";
import { mesaSlugsSchema, passwordSchema, roleSchema } from "./user-input";
import { insertUser, resolveMesaSlugs, type UserDto } from "./user-records";

// Managing accounts (CONTRACT §2: admins only, from a signed-in session, not an API token). Each
// command checks the viewer itself: a page's gate does not protect the Server Actions defined
// next to it.

/** Creates a user (admin). See insertUser for the checks; the CLI shares them. */
export function createUser(viewer: Viewer, input: unknown): Promise<UserDto> {
  const admin = requireSession(requireRole(viewer, "admin"));
  return insertUser(getDb(), admin, input);
}

/** The user being managed, or 404. */
function managedUser(viewer: Viewer, userId: number) {
  const admin = requireSession(requireRole(viewer, "admin"));
  const user = Number.isInteger(userId) && userId > 0 ? getUser(admin, userId) : undefined;
  if (!user) throw notFound("User");
  return { admin, user };
}

/**
 * An admin may not disable or demote themself. That also keeps at least one working admin, since
 * whoever acts is one.
 */
const notSelf = (admin: NonNullable<Viewer>, userId: number) => {
  if (admin.userId === userId) throw invalid([{ path: "userId", code: "invalid" }]);
};

export function setUserRole(viewer: Viewer, userId: number, role: unknown): UserDto {
  const { admin, user } = managedUser(viewer, userId);
  const data = validate(z.object({ role: roleSchema }), { role });
  if (data.role !== "admin") notSelf(admin, userId);
  getDb().transaction((tx) => {
    tx.update(users).set({ role: data.role }).where(eq(users.id, userId)).run();
    audit(tx, admin, "user.role", { type: "user", id: userId }, { role: user.role }, { role: data.role });
  });
  return getUser(admin, userId)!;
}

export function setUserMesas(viewer: Viewer, userId: number, slugs: unknown): UserDto {
  const { admin, user } = managedUser(viewer, userId);
  const data = validate(z.object({ mesas: mesaSlugsSchema }), { mesas: slugs });
  const db = getDb();
  const assigned = resolveMesaSlugs(db, data.mesas);
  db.transaction((tx) => {
    tx.delete(userMesas).where(eq(userMesas.userId, userId)).run();
    if (assigned.ids.length) {
      tx.insert(userMesas)
        .values(assigned.ids.map((mesaId) => ({ userId, mesaId })))
        .run();
    }
    audit(tx, admin, "user.mesas", { type: "user", id: userId }, { mesas: user.mesas }, { mesas: assigned.slugs });
  });
  return getUser(admin, userId)!;
}

/**
 * Disabling takes effect on the user's next request: sessions and API tokens are re-checked each
 * time. Their tokens are revoked too, so enabling the account again does not revive them.
 */
export function disableUser(viewer: Viewer, userId: number): UserDto {
  const { admin, user } = managedUser(viewer, userId);
  notSelf(admin, userId);
  if (!user.disabled) {
    getDb().transaction((tx) => {
      const now = new Date().toISOString();
      tx.update(users).set({ disabledAt: now }).where(eq(users.id, userId)).run();
      const tokensRevoked = revokeTokensOf(tx, userId, now);
      audit(
        tx,
        admin,
        "user.disable",
        { type: "user", id: userId },
        { disabled: false },
        { disabled: true, tokensRevoked },
      );
    });
  }
  return getUser(admin, userId)!;
}

export function enableUser(viewer: Viewer, userId: number): UserDto {
  const { admin, user } = managedUser(viewer, userId);
  if (user.disabled) {
    getDb().transaction((tx) => {
      tx.update(users).set({ disabledAt: null }).where(eq(users.id, userId)).run();
      audit(tx, admin, "user.enable", { type: "user", id: userId }, { disabled: true }, { disabled: false });
    });
  }
  return getUser(admin, userId)!;
}

/** Sets a new password. The audit row records that it happened, never the password or hash. */
export async function resetPassword(viewer: Viewer, userId: number, password: unknown): Promise<void> {
  const { admin } = managedUser(viewer, userId);
  const data = validate(z.object({ password: passwordSchema }), { password });
  const passwordHash = await hashPassword(data.password);
  getDb().transaction((tx) => {
    const now = new Date().toISOString();
    // Sessions signed in with the old password end now, and so do the API tokens: whoever
    // phished the password may have made one.
    tx.update(users).set({ passwordHash, sessionsValidAfter: now }).where(eq(users.id, userId)).run();
    const tokensRevoked = revokeTokensOf(tx, userId, now);
    audit(tx, admin, "user.password_reset", { type: "user", id: userId }, null, { tokensRevoked });
  });
}

/**
 * Revokes every live API token of the user (admin), e.g. when a laptop with scripts on it is
 * lost; the account itself keeps working. Audited with how many were revoked, when any were.
 */
export function revokeUserTokens(viewer: Viewer, userId: number): { tokensRevoked: number } {
  const { admin } = managedUser(viewer, userId);
  const tokensRevoked = getDb().transaction((tx) => {
    const revoked = revokeTokensOf(tx, userId, new Date().toISOString());
    if (revoked > 0)
      audit(tx, admin, "user.tokens_revoke", { type: "user", id: userId }, null, { tokensRevoked: revoked });
    return revoked;
  });
  return { tokensRevoked };
}

/** Revokes every live API token of the user; how many. */
function revokeTokensOf(tx: Tx, userId: number, now: string): number {
  return tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run().changes;
}
