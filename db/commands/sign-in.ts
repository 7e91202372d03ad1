import "server-only";
import { isIPv6 } from "node:net";
import { and, count, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { hashPassword, verifyPassword } from "../passwords";
import { loginFailures, users } from "../schema";

const WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one address before that pair is refused. */
export const PAIR_LIMIT = 5;
/** Failures from one address, over all accounts, before the address is refused. */
export const ADDRESS_LIMIT = 20;
/** Failures of one account, from anywhere, before its sign-ins are slowed down. */
export const SLOWDOWN_AFTER = 5;
export const MAX_DELAY_MS = 5_000;

/**
 * How long a sign-in to an account waits given its recent failures from all addresses: it
 * doubles with each failure past SLOWDOWN_AFTER, up to MAX_DELAY_MS. An account is never
 * locked for everyone, or anyone could keep its owner out with borrowed addresses.
 */
export function accountDelayMs(failures: number): number {
  if (failures < SLOWDOWN_AFTER) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** Math.min(failures - SLOWDOWN_AFTER, 16));
}

/**
 * What counts as one address: an IPv6 client by its /64 network, which one host may own whole;
 * anything else as it is.
 */
export function addressBucket(address: string): string {
  if (!isIPv6(address) || address.includes(".")) return address;
  const [head, tail] = address.toLowerCase().split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const full =
    tail === undefined
      ? groups(head)
      : [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill("0"), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password, throttled per (account, address) and per address, and slowed down per
 * account. Unknown accounts cost the same argon2 work and count failures the same way, so
 * neither timing nor messages reveal which accounts exist. `address` is the client's address as
 * the server saw it (server/client-address.mjs), never a header the client chose.
 */
export async function attemptSignIn(
  input: { email: string; password: string; address: string },
  { sleep = realSleep }: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<{ id: number; name: string; email: string } | "throttled" | null> {
  const db = getDb();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const address = addressBucket(input.address).slice(0, 64);
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const failures = (where: SQL) =>
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(where, gte(loginFailures.at, since)))
      .get()!.n;

  // Count and record the attempt in one step, before the (slow, awaited) password check, so
  // that attempts sent in parallel cannot all pass the limits. A success removes it again.
  const attempt = db.transaction((tx) => {
    if (
      failures(eq(loginFailures.address, address)) >= ADDRESS_LIMIT ||
      failures(and(eq(loginFailures.email, email), eq(loginFailures.address, address))!) >= PAIR_LIMIT
    ) {
      return null;
    }
    const accountFailures = failures(eq(loginFailures.email, email));
    tx.delete(loginFailures).where(lt(loginFailures.at, since)).run();
    const { id } = tx
      .insert(loginFailures)
      .values({ email, address, at: new Date().toISOString() })
      .returning({ id: loginFailures.id })
      .get();
    return { id, delayMs: accountDelayMs(accountFailures) };
  });
  // Refused before any argon2 work: an address cannot make the server hash without limit.
  if (attempt === null) return "throttled";
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);

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

  // Only this address's failures are forgiven: the others' still slow the account down.
  db.delete(loginFailures)
    .where(and(eq(loginFailures.email, email), eq(loginFailures.address, address)))
    .run();
  return { id: user.id, name: user.name, email: user.email };
}
