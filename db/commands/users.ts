import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { getUser } from "../queries/users";
import { hashPassword } from "../passwords";
import { userMesas, users } from "../schema";
import { audit } from "./audit";
import { invalid, notFound, validate } from "./errors";
import { mesaSlugsSchema, passwordSchema, roleSchema } from "./user-input";
import { insertUser, resolveMesaSlugs, type UserDto } from "./user-records";

// Managing accounts (CONTRACT §2: admins only). Each command checks the viewer itself: a page's
// gate does not protect the Server Actions defined next to it.

/** Creates a user (admin). See insertUser for the checks; the CLI shares them. */
export function createUser(viewer: Viewer, input: unknown): Promise<UserDto> {
  const admin = requireRole(viewer, "admin");
  return insertUser(getDb(), admin, input);
}

/** The user being managed, or 404. */
function managedUser(viewer: Viewer, userId: number) {
  const admin = requireRole(viewer, "admin");
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

/** Disabling takes effect on the user's next request: sessions and API tokens are re-checked each time. */
export function disableUser(viewer: Viewer, userId: number): UserDto {
  const { admin, user } = managedUser(viewer, userId);
  notSelf(admin, userId);
  if (!user.disabled) {
    getDb().transaction((tx) => {
      tx.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, userId)).run();
      audit(tx, admin, "user.disable", { type: "user", id: userId }, { disabled: false }, { disabled: true });
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
    // Sessions signed in with the old password end now; API tokens are separate credentials.
    tx.update(users)
      .set({ passwordHash, sessionsValidAfter: new Date().toISOString() })
      .where(eq(users.id, userId))
      .run();
    audit(tx, admin, "user.password_reset", { type: "user", id: userId }, null, null);
  });
}
