import { classifyAnswer, type SendOutcome } from "./evidence-rules";
import type { QueuedEvidence } from "./outbox-store";

// What the evidence outbox asks the server: who is signed in, and to store one submission.

/** A stalled request must not hold the queue forever. */
const timeout = (ms: number) => (typeof AbortSignal.timeout === "function" ? AbortSignal.timeout(ms) : undefined);

export type SessionCheck = "ok" | "network" | "signIn" | "otherUser";

/**
 * Whether the browser's session is the account the page was made for. A page the service worker
 * kept (opened offline) may be a previous account's: its queue must not go out under another
 * session, nor with none (a photo would upload just to hear 401).
 */
export async function checkSession(userId: number): Promise<SessionCheck> {
  let response: Response;
  try {
    response = await fetch("/api/auth/session", {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      signal: timeout(30_000),
    });
  } catch {
    return "network";
  }
  const body = (await response.json().catch(() => undefined)) as { user?: { id?: unknown } } | null | undefined;
  // Not Auth.js answering (a captive portal, a proxy): the evidence API's own answer will tell.
  if (!response.ok || body === undefined) return "ok";
  if (!body?.user) return "signIn";
  // A session without an id (auth.ts's session callback puts it there) cannot be told apart.
  const id = body.user.id;
  if (id === undefined || id === null) return "ok";
  return String(id) === String(userId) ? "ok" : "otherUser";
}

/** Posts one submission under its idempotency key; what the answer means is evidence-rules'. */
export async function send(item: QueuedEvidence): Promise<SendOutcome> {
  const body = new FormData();
  // Empty optional fields are left out rather than sent as "" (which is not a URL nor a status);
  // a submission queued before a field existed has none.
  for (const [name, value] of Object.entries(item.fields)) if (value) body.append(name, value);
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
      // A minute plus ~50 kB/s (slow 3G).
      signal: timeout(60_000 + bytes / 50),
    });
  } catch {
    return { kind: "kept", reason: "network" };
  }
  const json: unknown = await response.json().catch(() => null);
  return classifyAnswer(response.status, json, item.fields);
}
