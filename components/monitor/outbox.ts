import {
  MAX_SERVER_FAILURES,
  newIdempotencyKey,
  type EvidenceErrors,
  type EvidenceFields,
  type RefusalProblem,
} from "./evidence-rules";
import { checkSession, send } from "./outbox-network";
import * as store from "./outbox-store";

// The evidence outbox: every submission is written to IndexedDB first (outbox-store.ts), then
// sent. An item leaves the queue on a definitive answer: a 2xx, or a refusal (our API's 4xx, any
// 413/415), which sets it aside whole until the monitor corrects or discards it. A network error,
// an expired session or a 429 (too many uploads for now) keep it queued for as long as it takes;
// answers that are not our API's
// (5xx, a proxy's page) keep it too, but only MAX_SERVER_FAILURES times. Each item carries the
// idempotency key it was created with, so a retry after a lost answer is stored once (CONTRACT §5).
// Only its author's session sends it: the session is checked before each flush.

export type { QueuedEvidence, QueuedFile, Refusal } from "./outbox-store";
export { queuedItems, refusals, subscribe } from "./outbox-store";

export type OutboxStatus = {
  flushing: boolean;
  sentInBackground: number;
  needsSignIn: boolean;
  /** The browser is signed in as another account than the page's (a page kept for offline use). */
  otherSession: boolean;
};
let status: OutboxStatus = { flushing: false, sentInBackground: 0, needsSignIn: false, otherSession: false };
export const outboxStatus = () => status;
function setStatus(patch: Partial<OutboxStatus>) {
  status = { ...status, ...patch };
  store.notify();
}

/** Told each time this tab delivers a submission (the page then refetches what it shows). */
const deliveryListeners = new Set<() => void>();
export function onDelivered(listener: () => void): () => void {
  deliveryListeners.add(listener);
  return () => {
    deliveryListeners.delete(listener);
  };
}
function delivered() {
  for (const listener of deliveryListeners) listener();
}

/** What the submitting form hears back. */
export type SubmitOutcome =
  | { kind: "sent" }
  | { kind: "refused"; errors: EvidenceErrors; problem: RefusalProblem }
  | { kind: "kept"; reason: "offline" | "network" | "server" | "signIn" | "busy" }
  | { kind: "notStored" };

/** Keys whose form waits for the answer, and the answers they got. */
const waiting = new Set<string>();
const outcomes = new Map<string, SubmitOutcome>();

/**
 * Queues a submission, then tries to send the queue. `key`: the idempotency key of a refusal
 * being corrected; it replaces that refusal, and the server can never store both.
 */
export async function submitEvidence(input: {
  key?: string;
  userId: number;
  commitmentId: number;
  label: string;
  fields: EvidenceFields;
  files: File[];
}): Promise<SubmitOutcome> {
  const { key = newIdempotencyKey(), files, ...rest } = input;
  const item: store.QueuedEvidence = {
    ...rest,
    key,
    files: files.map((file) => ({ name: file.name, type: file.type, blob: file })),
    createdAt: new Date().toISOString(),
    attempts: 0,
    serverFailures: 0,
  };
  waiting.add(key);
  try {
    try {
      await store.queue(item);
    } catch {
      // No IndexedDB (storage full, a locked-down browser): send once, with nothing to retry from.
      const outcome = await send(item);
      if (outcome.kind === "sent") delivered();
      return outcome.kind === "kept" ? { kind: "notStored" } : outcome.kind === "sent" ? { kind: "sent" } : outcome;
    }
    // Ask the browser not to evict the queue under storage pressure; it may say no.
    void navigator.storage?.persist?.().catch(() => false);
    await flush(item.userId);
    return outcomes.get(key) ?? (await settled(key));
  } finally {
    waiting.delete(key);
    outcomes.delete(key);
  }
}

/** Where an item not attempted by this tab's flush stands (another tab may have sent it). */
async function settled(key: string): Promise<SubmitOutcome> {
  const refusal = await store.storedRefusal(key).catch(() => undefined);
  if (refusal) return { kind: "refused", errors: refusal.errors, problem: refusal.problem };
  if (!(await store.storedItem(key).catch(() => true))) return { kind: "sent" };
  const reason = status.needsSignIn || status.otherSession ? "signIn" : navigator.onLine ? "network" : "offline";
  return { kind: "kept", reason };
}

/** Puts a submission set aside back in the queue, as it was, and sends it. */
export async function retryRefusal(key: string, userId: number): Promise<void> {
  await store.requeue(key);
  await flush(userId);
}

export const discardRefusal = (key: string) => store.deleteRefusal(key);

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends the user's queue, oldest first. Never two flushes at once in a page: a call during a flush
 * makes it run once more (to pick up what was queued meanwhile) and waits for that. Tabs take
 * turns through a Web Lock where there is one; elsewhere two tabs may send the same item at once,
 * which the idempotency key makes harmless.
 */
export function flush(userId: number): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  setStatus({ flushing: true });
  running = (async () => {
    try {
      do {
        again = false;
        await exclusively(() => flushOnce(userId));
      } while (again);
    } catch {
      // IndexedDB failed to read or write: the items stay as they are, the next flush tries again.
    } finally {
      running = null;
      setStatus({ flushing: false });
    }
  })();
  return running;
}

function exclusively(task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks?.request ? locks.request("mesa-monitor-outbox", task).then(() => undefined) : task();
}

async function flushOnce(userId: number) {
  if (!navigator.onLine) return; // The browser knows for sure it is offline; `true` proves nothing.
  const items = await store.queuedItems(userId);
  if (items.length === 0) return;
  const session = await checkSession(userId);
  if (session !== "network") setStatus({ needsSignIn: session === "signIn", otherSession: session === "otherUser" });
  if (session !== "ok") return;
  for (const { key } of items) {
    const outcome = await attempt(key);
    if (!outcome) continue;
    if (waiting.has(key)) outcomes.set(key, outcome);
    else if (outcome.kind === "sent") setStatus({ sentInBackground: status.sentInBackground + 1 });
    setStatus({ needsSignIn: outcome.kind === "kept" && outcome.reason === "signIn" });
    // No connection, no session or told to slow down: the rest would fare the same. A 5xx may be this item's own.
    if (outcome.kind === "kept" && outcome.reason !== "server") break;
  }
}

async function attempt(key: string): Promise<SubmitOutcome | null> {
  const item = await store.countAttempt(key);
  if (!item) return null; // Another tab finished it meanwhile.
  const outcome = await send(item);
  switch (outcome.kind) {
    case "sent":
      await store.removeItem(key);
      delivered();
      return { kind: "sent" };
    case "refused":
      await store.setAside(item, { errors: outcome.errors, problem: outcome.problem });
      return outcome;
    case "kept": {
      if (outcome.reason !== "server") return outcome;
      const serverFailures = (item.serverFailures ?? 0) + 1;
      if (serverFailures < MAX_SERVER_FAILURES) {
        await store.updateItem(key, { serverFailures });
        return outcome;
      }
      // The server keeps failing on it: stop, and let the monitor retry it by hand.
      const why = { errors: {}, problem: "server" } as const;
      await store.setAside(item, why);
      return { kind: "refused", ...why };
    }
  }
}
