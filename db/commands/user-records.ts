import { eq, inArray } from "drizzle-orm";
import type { Viewer } from "../access";
import type { Db } from "../connection";
import type { Role } from "../enums";
import { hashPassword } from "../passwords";
import { mesas, userMesas, users } from "../schema";
import { audit, type Tx } from "./audit";
import { CommandError, invalid, validate } from "./errors";
import { createUserSchema } from "./user-input";

// The part of the user commands that the `user:add` CLI shares with the admin pages. It takes the
// database as an argument and imports nothing "server-only", because the CLI runs under tsx,
// outside Next. Authorization is the caller's: db/commands/users.ts checks for an admin first.

export type UserDto = { id: number; email: string; name: string; role: Role; disabled: boolean; mesas: string[] };

/**
 * Mesa slugs → `{ids, slugs}` without repeats, sorted by slug. Each unknown slug is an issue at its
 * position in the input (`mesas.N`), so the CLI and forms can point at it.
 */
export function resolveMesaSlugs(db: Db | Tx, slugs: string[]): { ids: number[]; slugs: string[] } {
  if (slugs.length === 0) return { ids: [], slugs: [] };
  const rows = db.select({ id: mesas.id, slug: mesas.slug }).from(mesas).where(inArray(mesas.slug, slugs)).all();
  const known = new Set(rows.map((r) => r.slug));
  const unknown = slugs.flatMap((slug, i) =>
    known.has(slug) ? [] : [{ path: `mesas.${i}`, code: "invalid_choice" as const }],
  );
  if (unknown.length) throw invalid(unknown);
  rows.sort((a, b) => (a.slug < b.slug ? -1 : 1)); // byte order, as SQL sorts them in listUsers
  return { ids: rows.map((r) => r.id), slugs: rows.map((r) => r.slug) };
}

function assertEmailFree(db: Db | Tx, email: string) {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
    throw new CommandError(409, "conflict", "A user with this email already exists.", [
      { path: "email", code: "taken" },
    ]);
  }
}

/**
 * Validates and creates a user with their mesas, auditing as `actor` (null: the system, i.e. the
 * CLI). Nothing is written unless every check passes; the audit row never holds the password or
 * its hash.
 */
export async function insertUser(db: Db, actor: Viewer, input: unknown): Promise<UserDto> {
  const data = validate(createUserSchema, input);
  const assigned = resolveMesaSlugs(db, data.mesas);
  assertEmailFree(db, data.email);
  // argon2 is asynchronous and a better-sqlite3 transaction must not await: hash first.
  const passwordHash = await hashPassword(data.password);

  return db.transaction((tx) => {
    assertEmailFree(tx, data.email); // again: another request may have taken it while we hashed
    const row = tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, passwordHash })
      .returning({ id: users.id })
      .get();
    if (assigned.ids.length) {
      tx.insert(userMesas)
        .values(assigned.ids.map((mesaId) => ({ userId: row.id, mesaId })))
        .run();
    }
    const user: UserDto = {
      id: row.id,
      email: data.email,
      name: data.name,
      role: data.role,
      disabled: false,
      mesas: assigned.slugs,
    };
    audit(tx, actor, "user.create", { type: "user", id: row.id }, null, user);
    return user;
  });
}

/** `user:add`: creates a user as the system, with the same checks as the admin form. */
export function createUserUnchecked(db: Db, input: unknown): Promise<UserDto> {
  return insertUser(db, null, input);
}
