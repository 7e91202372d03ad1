import "server-only";
import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "../client";
import type { Tx } from "../commands/audit";
import { appTimeZone } from "../config";
import type { DigestFrequency } from "../enums";
import { digestFor } from "../queries/digest";
import { endOfDayInstant, shiftDate, todayIn } from "../rules";
import { users } from "../schema";
import { viewerForUser } from "../viewers";
import { digestMail, unsubscribeUrls } from "@/mail/compose";
import { mailContext } from "./context";
import { enqueue, isQueued } from "./outbox";

/** Digests go out from this hour of the day (app time zone); weekly ones on Monday. */
const DIGEST_HOUR = 7;

/**
 * The digest period `now` falls in for a frequency, or null before its first sending time:
 * the key of the digest (one per user and period) and its window of days.
 */
function digestPeriod(frequency: Exclude<DigestFrequency, "off">, now: Date, timeZone: string) {
  const today = todayIn(timeZone, now);
  const local = new TZDate(now, timeZone);
  const daysSinceMonday = (local.getDay() + 6) % 7;
  const start = frequency === "daily" ? today : shiftDate(today, -daysSinceMonday);
  if (start === today && local.getHours() < DIGEST_HOUR) return null;
  const windowDays = frequency === "daily" ? 1 : 7;
  return {
    key: `${frequency}-${start}`,
    today,
    windowDays,
    since: endOfDayInstant(shiftDate(today, -windowDays - 1), timeZone),
    until: endOfDayInstant(shiftDate(today, -1), timeZone),
  };
}

/**
 * Queues the digest of every active user whose digest is due at `now` and not yet queued for
 * its period; each is decided and queued in one transaction (its key makes it once).
 * A digest with nothing to say is not sent. Answers how many were queued.
 */
export function queueDigests(now: Date): number {
  const db = getDb();
  const timeZone = appTimeZone();
  const recipients = db
    .select({ id: users.id, name: users.name, email: users.email, digest: users.digest, locale: users.locale })
    .from(users)
    .where(and(isNull(users.disabledAt), ne(users.digest, "off")))
    .all();
  let queued = 0;
  for (const user of recipients) {
    const frequency = user.digest as Exclude<DigestFrequency, "off">;
    const period = digestPeriod(frequency, now, timeZone);
    const viewer = period && viewerForUser(user.id);
    if (!period || !viewer || viewer.mesaIds.length === 0) continue;
    const key = `digest:${user.id}:${period.key}`;
    if (isQueued(key)) continue;
    const context = mailContext(user.locale);
    db.transaction((tx) => {
      const digest = digestFor(
        viewer,
        period.today,
        period.windowDays,
        period.since.toISOString(),
        period.until.toISOString(),
      );
      const token = digestToken(tx, user.id);
      const mail = digestMail(context, user.name, frequency, period.today, digest, token);
      const headers = unsubscribeUrls(context.origin, token).headers;
      if (!mail) enqueue(tx, { key, to: user.email, subject: "", text: "" }, "skipped");
      else if (enqueue(tx, { key, to: user.email, ...mail, headers })) queued++;
    });
  }
  return queued;
}

/** The user's unsubscribe secret, made on their first digest. */
function digestToken(tx: Tx, userId: number): string {
  const row = tx.select({ token: users.digestToken }).from(users).where(eq(users.id, userId)).get();
  if (row?.token) return row.token;
  const token = randomBytes(24).toString("base64url");
  tx.update(users).set({ digestToken: token }).where(eq(users.id, userId)).run();
  return token;
}
