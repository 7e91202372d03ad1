import { eq } from "drizzle-orm";
import type { Db } from "../connection";
import { generatePassword, hashPassword } from "../passwords";
import { auditLog, users } from "../schema";

export const DEFAULT_ADMIN_EMAIL = "admin@mesamonitor.local";

/**
 * Creates the first admin (CONTRACT §3) when the database has none: ADMIN_EMAIL / ADMIN_PASSWORD,
 * else a generated password that is returned once so the caller can print it.
 */
export async function ensureAdmin(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): Promise<{ email: string; generatedPassword?: string } | null> {
  if (db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1).get()) return null;
  const email = (env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const generatedPassword = env.ADMIN_PASSWORD ? undefined : generatePassword();
  const passwordHash = await hashPassword(env.ADMIN_PASSWORD || generatedPassword!);
  db.transaction((tx) => {
    const id = tx
      .insert(users)
      .values({ email, name: "Administrador", role: "admin", passwordHash })
      .returning({ id: users.id })
      .get().id;
    tx.insert(auditLog)
      .values({ action: "user.create", entityType: "user", entityId: String(id), after: { email, role: "admin" } })
      .run();
  });
  return { email, generatedPassword };
}
