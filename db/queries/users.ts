import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import type { UserDto } from "../commands/user-records";
import { mesas, userMesas, users } from "../schema";

// Accounts as the admin page shows them. Never selects the password hash.

function toDtos(rows: { id: number; email: string; name: string; role: UserDto["role"]; disabledAt: string | null }[]) {
  if (rows.length === 0) return [];
  const links = getDb()
    .select({ userId: userMesas.userId, slug: mesas.slug })
    .from(userMesas)
    .innerJoin(mesas, eq(mesas.id, userMesas.mesaId))
    .where(
      inArray(
        userMesas.userId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(mesas.slug))
    .all();
  return rows.map(({ disabledAt, ...user }): UserDto => ({
    ...user,
    disabled: disabledAt !== null,
    mesas: links.filter((l) => l.userId === user.id).map((l) => l.slug),
  }));
}

const columns = { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt };

export function listUsers(viewer: Viewer): UserDto[] {
  requireRole(viewer, "admin");
  return toDtos(getDb().select(columns).from(users).orderBy(asc(users.email)).all());
}

export function getUser(viewer: Viewer, userId: number): UserDto | undefined {
  requireRole(viewer, "admin");
  return toDtos(getDb().select(columns).from(users).where(eq(users.id, userId)).all())[0];
}
