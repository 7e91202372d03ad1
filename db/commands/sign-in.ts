import "server-only";
import { and, count, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { hashPassword, verifyPassword } from "../passwords";
import { loginFailures, users } from "../schema";

const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password, throttled per account and per address. Unknown accounts cost the same
 * argon2 work and count failures the same way, so neither timing nor messages reveal which
 * accounts exist.
 */
export async function attemptSignIn(input: {
  email: string;
  password: string;
  address: string;
}): Promise<{ id: number; name: string; email: string } | "throttled" | null> {
  const db = getDb();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const failures = (where: SQL) =>
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(where, gte(loginFailures.at, since)))
      .get()!.n;

  // Count and record the attempt in one step, before the (slow, awaited) password check, so
  // that attempts sent in parallel cannot all pass the limit. A success removes it again.
  const attemptId = db.transaction((tx) => {
    if (
      failures(eq(loginFailures.email, email)) >= ACCOUNT_LIMIT ||
      failures(eq(loginFailures.address, input.address)) >= ADDRESS_LIMIT
    ) {
      return null;
    }
    tx.delete(loginFailures).where(lt(loginFailures.at, since)).run();
    return tx
      .insert(loginFailures)
      .values({ email, address: input.address, at: new Date().toISOString() })
      .returning({ id: loginFailures.id })
      .get().id;
  });
  if (attemptId === null) return "throttled";

  const user = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email))
    .get();
  dummyHash ??= hashPassword("not a real password");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || user.disabledAt) return null;

  db.delete(loginFailures).where(eq(loginFailures.email, email)).run();
  return { id: user.id, name: user.name, email: user.email };
}
