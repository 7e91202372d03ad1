import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { getDb } from "../client";
import type { Tx } from "../commands/audit";
import type { EvidenceKind, Status } from "../enums";
import { followedTarget } from "../queries/subscriptions";
import { appSettings, auditLog, commitmentParties, commitments, evidence, subscriptions } from "../schema";
import { unsubscribeUrls, updatesMail, type Update } from "@/mail/compose";
import { mailContext } from "./context";
import { enqueue } from "./outbox";

// Subscribers hear of public status changes and accepted evidence. The audit log is the record
// of both; a cursor in app_settings says how far it has been read, and moves in the same
// transaction that queues the messages, so each event is reported once.

const CURSOR = "notify_audit_cursor";
const EVENTS = ["commitment.status", "commitment.period_status", "evidence.review"];
const BATCH = 500;

type Event = { update: Update; mesaId: number; partyIds: number[] };

/** Queues one message per subscriber for the events since the last run; answers how many. */
export function queueUpdates(): number {
  let queued = 0;
  for (;;) {
    const { messages, more } = getDb().transaction((tx) => queueBatch(tx));
    queued += messages;
    if (!more) return queued;
  }
}

function queueBatch(tx: Tx): { messages: number; more: boolean } {
  const cursor = readCursor(tx);
  const rows = tx
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, cursor), inArray(auditLog.action, EVENTS)))
    .orderBy(asc(auditLog.id))
    .limit(BATCH)
    .all();
  if (rows.length === 0) return { messages: 0, more: false };
  const events = rows.flatMap((row) => {
    const event = toEvent(tx, row);
    return event ? [{ ...event, auditId: row.id }] : [];
  });
  let messages = 0;
  for (const [subscription, updates] of recipients(tx, events)) {
    const context = mailContext(subscription.locale);
    const target = followedTarget(subscription.targetType, subscription.targetId);
    if (!target) continue;
    const key = `updates:${subscription.id}:${updates[0].auditId}-${updates.at(-1)!.auditId}`;
    const mail = updatesMail(
      context,
      target,
      updates.map((u) => u.update),
      subscription.token,
    );
    const headers = unsubscribeUrls(context.origin, subscription.token).headers;
    if (enqueue(tx, { key, to: subscription.email, ...mail, headers })) messages++;
  }
  writeCursor(tx, rows.at(-1)!.id);
  return { messages, more: rows.length === BATCH };
}

type AuditRow = typeof auditLog.$inferSelect;

/** An audit row as an update of a public commitment, or null (restricted, or evidence not accepted). */
function toEvent(tx: Tx, row: AuditRow): Event | null {
  const after = (row.after ?? {}) as Record<string, unknown>;
  const before = (row.before ?? {}) as Record<string, unknown>;
  let commitmentId = Number(row.entityId);
  let evidenceKind: EvidenceKind | undefined;
  if (row.action === "evidence.review") {
    if (after.decision !== "accepted") return null;
    const item = tx
      .select({ commitmentId: evidence.commitmentId, kind: evidence.kind })
      .from(evidence)
      .where(eq(evidence.id, commitmentId))
      .get();
    if (!item) return null;
    commitmentId = item.commitmentId;
    evidenceKind = item.kind;
  }
  const commitment = tx
    .select({ id: commitments.id, code: commitments.code, title: commitments.title, mesaId: commitments.mesaId })
    .from(commitments)
    .where(and(eq(commitments.id, commitmentId), eq(commitments.visibility, "public")))
    .get();
  if (!commitment) return null;
  const base = { code: commitment.code, title: commitment.title, commitmentId, at: row.at };
  const update: Update =
    row.action === "commitment.status"
      ? { kind: "status", ...base, from: (before.status as Status) ?? null, to: after.status as Status }
      : row.action === "commitment.period_status"
        ? { kind: "period", ...base, n: Number(after.n), to: after.status as Status }
        : { kind: "accepted", ...base, evidenceKind: evidenceKind! };
  const partyIds = tx
    .select({ id: commitmentParties.partyId })
    .from(commitmentParties)
    .where(eq(commitmentParties.commitmentId, commitmentId))
    .all()
    .map((p) => p.id);
  return { update, mesaId: commitment.mesaId, partyIds };
}

type Subscription = typeof subscriptions.$inferSelect;

/** Each confirmed subscription with the events it follows that happened after it was confirmed. */
function recipients(tx: Tx, events: (Event & { auditId: number })[]) {
  const byId = new Map<number, { subscription: Subscription; updates: (Event & { auditId: number })[] }>();
  if (events.length === 0) return new Map<Subscription, (Event & { auditId: number })[]>();
  const ids = (values: number[]) => [...new Set(values)];
  const candidates = tx
    .select()
    .from(subscriptions)
    .where(
      and(
        isNotNull(subscriptions.confirmedAt),
        isNull(subscriptions.unsubscribedAt),
        or(
          and(
            eq(subscriptions.targetType, "commitment"),
            inArray(subscriptions.targetId, ids(events.map((e) => e.update.commitmentId))),
          ),
          and(eq(subscriptions.targetType, "mesa"), inArray(subscriptions.targetId, ids(events.map((e) => e.mesaId)))),
          and(
            eq(subscriptions.targetType, "party"),
            inArray(subscriptions.targetId, ids(events.flatMap((e) => e.partyIds))),
          ),
        ),
      ),
    )
    .all();
  for (const subscription of candidates) {
    const follows = (e: Event) =>
      subscription.targetType === "commitment"
        ? e.update.commitmentId === subscription.targetId
        : subscription.targetType === "mesa"
          ? e.mesaId === subscription.targetId
          : e.partyIds.includes(subscription.targetId);
    const updates = events.filter((e) => follows(e) && e.update.at >= subscription.confirmedAt!);
    if (updates.length) byId.set(subscription.id, { subscription, updates });
  }
  return new Map([...byId.values()].map(({ subscription, updates }) => [subscription, updates]));
}

/** Migration 0014 starts the cursor at the audit log's end: the history before it is not news. */
function readCursor(tx: Tx): number {
  return Number(
    tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, CURSOR)).get()?.value ?? 0,
  );
}

function writeCursor(tx: Tx, id: number): void {
  tx.insert(appSettings)
    .values({ key: CURSOR, value: String(id) })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: String(id) } })
    .run();
}
