import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { EvidenceErrors, EvidenceFields, RefusalProblem } from "./evidence-rules";

// Where the evidence outbox keeps its submissions: IndexedDB, one store for what waits to be sent,
// one for what was set aside (refused by the server, or never answered properly). Both keep the
// whole submission, files included, until it is sent or the monitor discards it.

export type QueuedFile = { name: string; type: string; blob: Blob };
export type QueuedEvidence = {
  /** The idempotency key, made once per submission and kept through retries and corrections. */
  key: string;
  /** Only its author's session sends it: another account signing in on the phone must not. */
  userId: number;
  commitmentId: number;
  /** The commitment's code, to show the item without asking the server. */
  label: string;
  fields: EvidenceFields;
  files: QueuedFile[];
  createdAt: string;
  attempts: number;
  /** Answers in a row that were not our API's (5xx, a proxy's page): see MAX_SERVER_FAILURES. */
  serverFailures?: number;
};
/** A submission set aside: shown with its reason until it is resent or discarded. */
export type Refusal = QueuedEvidence & { errors: EvidenceErrors; problem: RefusalProblem; refusedAt: string };

interface OutboxSchema extends DBSchema {
  items: { key: string; value: QueuedEvidence; indexes: { byUser: number } };
  refusals: { key: string; value: Refusal; indexes: { byUser: number } };
}

let connection: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function database(): Promise<IDBPDatabase<OutboxSchema>> {
  connection ??= openDB<OutboxSchema>("mesa-monitor-outbox", 2, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore("items", { keyPath: "key" }).createIndex("byUser", "userId");
        db.createObjectStore("refusals", { keyPath: "key" }).createIndex("byUser", "userId");
      } else if (oldVersion < 2) {
        // Version 1 kept only a notice of a refusal (no fields, no files): nothing to resend.
        void tx.objectStore("refusals").clear();
      }
    },
    blocking(_current, _next, event) {
      // A newer version of the page wants to upgrade: let it (this tab reopens on next use).
      (event.target as IDBDatabase).close();
      connection = null;
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

// --- change notifications, for the views of this tab and of the others --------------------------

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("mesa-monitor-outbox") : null;
channel?.addEventListener("message", () => notify());

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
/** Tells this tab's views only (the outbox's sending status is this tab's own). */
export function notify() {
  for (const listener of listeners) listener();
}
/** Tells every tab's views that the stores changed. */
export function changed() {
  notify();
  channel?.postMessage("changed");
}

// --- reading ------------------------------------------------------------------------------------

const byCreation = <T extends QueuedEvidence>(list: T[]) => list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));

export async function queuedItems(userId: number): Promise<QueuedEvidence[]> {
  return byCreation(await (await database()).getAllFromIndex("items", "byUser", userId));
}

export async function refusals(userId: number): Promise<Refusal[]> {
  return byCreation(await (await database()).getAllFromIndex("refusals", "byUser", userId));
}

export async function storedItem(key: string): Promise<QueuedEvidence | undefined> {
  return (await database()).get("items", key);
}

export async function storedRefusal(key: string): Promise<Refusal | undefined> {
  return (await database()).get("refusals", key);
}

// --- writing ------------------------------------------------------------------------------------

/** Queues a submission; a correction of a refusal replaces it (same key) in the same transaction. */
export async function queue(item: QueuedEvidence): Promise<void> {
  const tx = (await database()).transaction(["items", "refusals"], "readwrite");
  await Promise.all([tx.objectStore("refusals").delete(item.key), tx.objectStore("items").put(item), tx.done]);
  changed();
}

/** Counts an attempt before it is made; null when the item is gone (sent or set aside elsewhere). */
export async function countAttempt(key: string): Promise<QueuedEvidence | null> {
  const tx = (await database()).transaction("items", "readwrite");
  const current = await tx.store.get(key);
  if (current) await tx.store.put({ ...current, attempts: current.attempts + 1 });
  await tx.done;
  changed();
  return current ? { ...current, attempts: current.attempts + 1 } : null;
}

export async function updateItem(key: string, patch: Partial<QueuedEvidence>): Promise<void> {
  const tx = (await database()).transaction("items", "readwrite");
  const current = await tx.store.get(key);
  if (current) await tx.store.put({ ...current, ...patch, key });
  await tx.done;
  changed();
}

export async function removeItem(key: string): Promise<void> {
  await (await database()).delete("items", key);
  changed();
}

/** Moves an item to the refusals, whole: its files stay until the monitor decides. */
export async function setAside(item: QueuedEvidence, why: Pick<Refusal, "errors" | "problem">): Promise<void> {
  const refusal: Refusal = { ...item, ...why, refusedAt: new Date().toISOString() };
  const tx = (await database()).transaction(["items", "refusals"], "readwrite");
  await Promise.all([tx.objectStore("items").delete(item.key), tx.objectStore("refusals").put(refusal), tx.done]);
  changed();
}

/** Puts a refusal back in the queue as it was, under its key, with a fresh count of failures. */
export async function requeue(key: string): Promise<QueuedEvidence | null> {
  const tx = (await database()).transaction(["items", "refusals"], "readwrite");
  const refusal = await tx.objectStore("refusals").get(key);
  let item: QueuedEvidence | null = null;
  if (refusal) {
    const { userId, commitmentId, label, fields, files, createdAt, attempts } = refusal;
    item = { key, userId, commitmentId, label, fields, files, createdAt, attempts, serverFailures: 0 };
    await Promise.all([tx.objectStore("refusals").delete(key), tx.objectStore("items").put(item)]);
  }
  await tx.done;
  changed();
  return item;
}

export async function deleteRefusal(key: string): Promise<void> {
  await (await database()).delete("refusals", key);
  changed();
}
