import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq, gte, isNull, like } from "drizzle-orm";
import { z } from "zod";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { DIGEST_FREQUENCIES, FOLLOW_TARGETS } from "../enums";
import { followedTarget, followTargetId, tokenHolder } from "../queries/subscriptions";
import { outbox, subscriptions, users } from "../schema";
import { mailContext } from "../notify/context";
import { enqueue } from "../notify/outbox";
import { confirmationMail } from "@/mail/compose";
import { LOCALES } from "@/i18n/locales";
import { audit, type Tx } from "./audit";
import { invalid, notFound, validate } from "./errors";
import { emailSchema } from "./user-input";

// Following by e-mail (no account): a request, confirmed from the address (double opt-in),
// ended by one click. A confirmed address gets only public news (db/notify/updates.ts).

const followSchema = z.object({
  email: emailSchema,
  locale: z.enum(LOCALES),
  /** "mesa:SLUG", "party:SLUG" or "commitment:ID". */
  target: z.string().trim().min(1).max(200),
});

/** A confirmation link is sent at most once an hour for one subscription, whatever is asked… */
const CONFIRM_EVERY_MS = 60 * 60 * 1000;
/** …and an address gets at most this many an hour in all, so nobody can mail a stranger at will. */
const CONFIRMATIONS_PER_ADDRESS = 5;

/**
 * Asks to follow a mesa, party or public commitment: stores the request and queues the
 * confirmation e-mail. The answer does not say whether the address already follows it.
 */
export function requestFollow(input: unknown, now = new Date()): void {
  const data = validate(followSchema, input);
  const [type, ref = ""] = data.target.split(":", 2) as [string, string?];
  const targetType = FOLLOW_TARGETS.find((t) => t === type);
  const targetId = targetType ? followTargetId(targetType, ref) : null;
  if (!targetType || targetId === null) throw invalid([{ path: "target", code: "invalid_choice" }]);

  getDb().transaction((tx) => {
    const existing = tx
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.email, data.email),
          eq(subscriptions.targetType, targetType),
          eq(subscriptions.targetId, targetId),
        ),
      )
      .get();
    if (existing?.confirmedAt && !existing.unsubscribedAt) return;
    const token = existing && !existing.unsubscribedAt ? existing.token : randomBytes(24).toString("base64url");
    const values = { locale: data.locale, token, confirmedAt: null, unsubscribedAt: null };
    const id = existing
      ? (tx.update(subscriptions).set(values).where(eq(subscriptions.id, existing.id)).run(), existing.id)
      : tx
          .insert(subscriptions)
          .values({ ...values, email: data.email, targetType, targetId })
          .returning({ id: subscriptions.id })
          .get().id;
    audit(tx, null, "subscription.request", { type: "subscription", id }, null, { targetType, targetId });
    const target = followedTarget(targetType, targetId)!;
    const mail = confirmationMail(mailContext(data.locale), target, token);
    const hour = Math.floor(now.getTime() / CONFIRM_EVERY_MS);
    const since = new Date(now.getTime() - CONFIRM_EVERY_MS).toISOString();
    if (confirmationsTo(tx, data.email, since) < CONFIRMATIONS_PER_ADDRESS) {
      enqueue(tx, { key: `confirm:${id}:${hour}`, to: data.email, ...mail });
    }
  });
}

/** Confirms a follow from the link e-mailed to the address; 404 for an unknown or ended one. */
export function confirmFollow(token: string): void {
  const holder = tokenHolder(token);
  if (holder?.kind !== "follow" || !holder.active) throw notFound("Subscription");
  if (holder.confirmed) return;
  getDb().transaction((tx) => {
    tx.update(subscriptions)
      .set({ confirmedAt: new Date().toISOString() })
      .where(and(eq(subscriptions.id, holder.id), isNull(subscriptions.confirmedAt)))
      .run();
    audit(tx, null, "subscription.confirm", { type: "subscription", id: holder.id }, null, null);
  });
}

/** Ends a follow, or turns a user's digest off, from the token of an e-mail's link. Repeatable. */
export function unsubscribe(token: string): void {
  const holder = tokenHolder(token);
  if (!holder) throw notFound("Subscription");
  if (!holder.active) return;
  getDb().transaction((tx) => {
    if (holder.kind === "follow") {
      tx.update(subscriptions)
        .set({ unsubscribedAt: new Date().toISOString() })
        .where(eq(subscriptions.id, holder.id))
        .run();
      audit(tx, null, "subscription.end", { type: "subscription", id: holder.id }, null, null);
    } else {
      tx.update(users).set({ digest: "off" }).where(eq(users.id, holder.userId)).run();
      audit(tx, null, "user.digest", { type: "user", id: holder.userId }, null, {
        digest: "off",
        by: "unsubscribe_link",
      });
    }
  });
}

const preferencesSchema = z.object({ digest: z.enum(DIGEST_FREQUENCIES), locale: z.enum(LOCALES) });

/** A signed-in user's own e-mail preferences. */
export function setMailPreferences(viewer: Viewer, input: unknown): void {
  const user = requireRole(viewer, "monitor");
  const data = validate(preferencesSchema, input);
  getDb().transaction((tx) => {
    const before = tx
      .select({ digest: users.digest, locale: users.locale })
      .from(users)
      .where(eq(users.id, user.userId))
      .get();
    tx.update(users).set(data).where(eq(users.id, user.userId)).run();
    audit(tx, user, "user.digest", { type: "user", id: user.userId }, before, data);
  });
}

function confirmationsTo(tx: Tx, address: string, since: string): number {
  return (
    tx
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.toAddress, address), like(outbox.key, "confirm:%"), gte(outbox.createdAt, since)))
      .get()?.n ?? 0
  );
}
