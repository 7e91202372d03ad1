import "server-only";
import { and, eq } from "drizzle-orm";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import type { FollowTarget } from "../enums";
import { commitments, mesas, parties, subscriptions, users } from "../schema";
import type { FollowedTarget } from "@/mail/compose";

// What a public subscriber follows. Everything here is public: a restricted commitment is
// never followed, named, nor reported to a subscriber (they have no account).

/** The followed mesa, party or public commitment, or null when it does not exist (or is restricted). */
export function followedTarget(type: FollowTarget, id: number): FollowedTarget | null {
  const db = getDb();
  if (type === "mesa") {
    const row = db.select({ name: mesas.name }).from(mesas).where(eq(mesas.id, id)).get();
    return row ? { type, name: row.name } : null;
  }
  if (type === "party") {
    const row = db.select({ name: parties.name }).from(parties).where(eq(parties.id, id)).get();
    return row ? { type, name: row.name } : null;
  }
  const row = db
    .select({ code: commitments.code, title: commitments.title })
    .from(commitments)
    .where(and(eq(commitments.id, id), eq(commitments.visibility, "public")))
    .get();
  return row ? { type, ...row } : null;
}

/** The id behind a follow reference: a mesa or party slug, or a public commitment's id. */
export function followTargetId(type: FollowTarget, ref: string): number | null {
  const db = getDb();
  if (type === "mesa") return db.select({ id: mesas.id }).from(mesas).where(eq(mesas.slug, ref)).get()?.id ?? null;
  if (type === "party")
    return db.select({ id: parties.id }).from(parties).where(eq(parties.slug, ref)).get()?.id ?? null;
  const id = Number(ref);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return followedTarget("commitment", id) ? id : null;
}

/** What an e-mail link's token stands for: a subscription, a user's digest, or nothing. */
export type TokenHolder =
  | { kind: "follow"; id: number; target: FollowedTarget | null; confirmed: boolean; active: boolean }
  | { kind: "digest"; userId: number; active: boolean }
  | null;

export function tokenHolder(token: string): TokenHolder {
  if (!token || token.length > 100) return null;
  const db = getDb();
  const sub = db.select().from(subscriptions).where(eq(subscriptions.token, token)).get();
  if (sub) {
    return {
      kind: "follow",
      id: sub.id,
      target: followedTarget(sub.targetType, sub.targetId),
      confirmed: sub.confirmedAt !== null,
      active: sub.unsubscribedAt === null,
    };
  }
  const user = db.select({ id: users.id, digest: users.digest }).from(users).where(eq(users.digestToken, token)).get();
  return user ? { kind: "digest", userId: user.id, active: user.digest !== "off" } : null;
}

/** The mesas and parties one can follow, for the subscribe form. */
export function followOptions() {
  const db = getDb();
  return {
    mesas: db.select({ slug: mesas.slug, name: mesas.name }).from(mesas).orderBy(mesas.name).all(),
    parties: db.select({ slug: parties.slug, name: parties.name }).from(parties).orderBy(parties.name).all(),
  };
}

/** A signed-in user's own e-mail preferences. */
export function mailPreferences(viewer: Viewer) {
  const user = requireRole(viewer, "monitor");
  return getDb()
    .select({ digest: users.digest, locale: users.locale })
    .from(users)
    .where(eq(users.id, user.userId))
    .get()!;
}
