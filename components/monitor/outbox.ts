import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import {
  classifyAnswer,
  newIdempotencyKey,
  type EvidenceErrors,
  type EvidenceFields,
  type FormProblem,
  type SendOutcome,
} from "./evidence-rules";

// The evidence outbox: every submission is written to IndexedDB first, then sent. An item leaves
// the queue only on a definitive answer (2xx, or our API refusing it with a 4xx); a network error,
// a 5xx or an expired session keep it for the next flush. Each item carries the idempotency key it
// was created with, so a retry after a lost answer is stored once by the server (CONTRACT §5).

export type QueuedFile = { name: string; type: string; blob: Blob };
export type QueuedEvidence = {
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
};
/** A queued submission the server refused after the form that sent it was gone: shown until dismissed. */
export type Refusal = {
  key: string;
  userId: number;
  commitmentId: number;
  label: string;
  summary: string;
  errors: EvidenceErrors;
  problem: FormProblem;
  fileNames: string[];
  refusedAt: string;
};

interface OutboxSchema extends DBSchema {
  items: { key: string; value: QueuedEvidence; indexes: { byUser: number } };
  refusals: { key: string; value: Refusal; indexes: { byUser: number } };
}

let connection: Promise<IDBPDatabase<OutboxSchema>> | null = null;

function database(): Promise<IDBPDatabase<OutboxSchema>> {
  connection ??= openDB<OutboxSchema>("mesa-monitor-outbox", 1, {
    upgrade(db) {
      db.createObjectStore("items", { keyPath: "key" }).createIndex("byUser", "userId");
      db.createObjectStore("refusals", { keyPath: "key" }).createIndex("byUser", "userId");
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

// --- change notifications, for the React views -------------------------------------------------

const listeners = new Set<() => void>();
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
function changed() {
  for (const listener of listeners) listener();
}

export type OutboxStatus = { flushing: boolean; sentInBackground: number; needsSignIn: boolean };
let status: OutboxStatus = { flushing: false, sentInBackground: 0, needsSignIn: false };
export const outboxStatus = () => status;
function setStatus(patch: Partial<OutboxStatus>) {
  status = { ...status, ...patch };
  changed();
}

export async function queuedItems(userId: number): Promise<QueuedEvidence[]> {
  const items = await (await database()).getAllFromIndex("items", "byUser", userId);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function refusals(userId: number): Promise<Refusal[]> {
  return (await database()).getAllFromIndex("refusals", "byUser", userId);
}

export async function dismissRefusal(key: string): Promise<void> {
  await (await database()).delete("refusals", key);
  changed();
}

// --- submitting and flushing --------------------------------------------------------------------

export type SubmitOutcome = SendOutcome | { kind: "notStored" };

/** Keys whose submitting form is waiting for the answer: their refusals are shown there, not stored. */
const claimed = new Set<string>();
const outcomes = new Map<string, SendOutcome>();

/** Queues a submission under a fresh idempotency key, then tries to send the queue. */
export async function submitEvidence(input: {
  userId: number;
  commitmentId: number;
  label: string;
  fields: EvidenceFields;
  files: File[];
}): Promise<SubmitOutcome> {
  const item: QueuedEvidence = {
    key: newIdempotencyKey(),
    userId: input.userId,
    commitmentId: input.commitmentId,
    label: input.label,
    fields: input.fields,
    files: input.files.map((file) => ({ name: file.name, type: file.type, blob: file })),
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
  claimed.add(item.key);
  try {
    try {
      await (await database()).put("items", item);
    } catch {
      // No IndexedDB (storage full, a locked-down browser): send once, with nothing to retry from.
      const outcome = await send(item);
      return outcome.kind === "kept" ? { kind: "notStored" } : outcome;
    }
    changed();
    // Ask the browser not to evict the queue under storage pressure; it may say no.
    void navigator.storage?.persist?.().catch(() => false);
    await flush(item.userId);
    const outcome = outcomes.get(item.key);
    return outcome ?? { kind: "kept", reason: navigator.onLine ? "network" : "offline" };
  } finally {
    claimed.delete(item.key);
    outcomes.delete(item.key);
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends the user's queue, oldest first. Never two flushes at once in a page: a call during a flush
 * makes it run once more (to pick up what was queued meanwhile) and waits for that. Two tabs may
 * still send the same item; the idempotency key makes that harmless.
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
        await flushOnce(userId);
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

async function flushOnce(userId: number) {
  if (!navigator.onLine) return; // The browser knows for sure it is offline; `true` proves nothing.
  for (const item of await queuedItems(userId)) {
    const outcome = await attempt(item);
    if (!outcome) continue;
    if (claimed.has(item.key)) outcomes.set(item.key, outcome);
    else if (outcome.kind === "sent") setStatus({ sentInBackground: status.sentInBackground + 1 });
    setStatus({ needsSignIn: outcome.kind === "kept" && outcome.reason === "signIn" });
    // No connection or no session: the rest would fail the same way. A 5xx may be this item's own.
    if (outcome.kind === "kept" && outcome.reason !== "server") break;
  }
}

async function attempt(item: QueuedEvidence): Promise<SendOutcome | null> {
  const db = await database();
  const current = await db.get("items", item.key);
  if (!current) return null; // Another tab finished it meanwhile.
  await db.put("items", { ...current, attempts: current.attempts + 1 });
  const outcome = await send(current);
  if (outcome.kind === "sent") {
    await db.delete("items", item.key);
  } else if (outcome.kind === "refused") {
    const tx = db.transaction(["items", "refusals"], "readwrite");
    await Promise.all([
      tx.objectStore("items").delete(item.key),
      claimed.has(item.key) ? undefined : tx.objectStore("refusals").put(refusalOf(item, outcome)),
      tx.done,
    ]);
  }
  changed();
  return outcome;
}

function refusalOf(item: QueuedEvidence, outcome: Extract<SendOutcome, { kind: "refused" }>): Refusal {
  return {
    key: item.key,
    userId: item.userId,
    commitmentId: item.commitmentId,
    label: item.label,
    summary: item.fields.summary,
    errors: outcome.errors,
    problem: outcome.problem,
    fileNames: item.files.map((f) => f.name),
    refusedAt: new Date().toISOString(),
  };
}

async function send(item: QueuedEvidence): Promise<SendOutcome> {
  const body = new FormData();
  // Empty optional fields are left out rather than sent as "" (which is not a URL nor a status).
  for (const [name, value] of Object.entries(item.fields)) if (value !== "") body.append(name, value);
  for (const file of item.files) body.append("files", file.blob, file.name);
  const bytes = item.files.reduce((sum, f) => sum + f.blob.size, 0);
  let response: Response;
  try {
    response = await fetch(`/api/v1/commitments/${item.commitmentId}/evidence`, {
      method: "POST",
      body,
      headers: { "Idempotency-Key": item.key, Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      // A stalled upload must not hold the queue forever: a minute plus ~50 kB/s (slow 3G).
      signal: typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(60_000 + bytes / 50) : undefined,
    });
  } catch {
    return { kind: "kept", reason: "network" };
  }
  const json: unknown = await response.json().catch(() => null);
  return classifyAnswer(response.status, json, item.fields);
}

// --- when to flush ------------------------------------------------------------------------------

const FIRST_RETRY_MS = 15_000;
const LAST_RETRY_MS = 5 * 60_000;

/**
 * Flushes now, when the connection returns, when the page is shown again, and on a timer that
 * backs off (15 s, doubling to 5 min) while the queue cannot be sent. Returns the cleanup.
 */
export function startAutoFlush(userId: number): () => void {
  let delay = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = async () => {
    clearTimeout(timer);
    await flush(userId);
    if (stopped) return;
    const left = await queuedItems(userId).catch(() => []);
    delay = left.length === 0 ? FIRST_RETRY_MS : Math.min(delay * 2, LAST_RETRY_MS);
    clearTimeout(timer); // Runs may overlap (an `online` event during a flush): keep one timer.
    timer = setTimeout(run, delay);
  };
  const onOnline = () => {
    delay = FIRST_RETRY_MS;
    void run();
  };
  const onVisible = () => {
    if (document.visibilityState === "visible") void run();
  };

  window.addEventListener("online", onOnline);
  document.addEventListener("visibilitychange", onVisible);
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener("online", onOnline);
    document.removeEventListener("visibilitychange", onVisible);
  };
}
