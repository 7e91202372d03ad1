import "server-only";
import { mailTransport, type MailTransport } from "@/mail/transport";
import { queueDigests } from "./digests";
import { claimNext, interruptedCount, markFailed, markSent } from "./outbox";
import { queueUpdates } from "./updates";

/** Hands every queued message to the mail server, one at a time; answers how many were sent. */
export async function deliverQueued(
  transport: MailTransport = mailTransport(),
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  // A message the mail server refused waits for the next run rather than being retried at once.
  const tried: number[] = [];
  for (let message = claimNext(tried); message; message = claimNext(tried)) {
    tried.push(message.id);
    try {
      await transport.send(message);
      markSent(message.id);
      sent++;
    } catch (error) {
      markFailed(message.id, error);
      failed++;
    }
  }
  return { sent, failed };
}

let running: Promise<unknown> | null = null;

/**
 * What `npm run notify:send` and the server's schedule do: queue what is due at `now` (digests,
 * subscribers' updates), then deliver. Runs of one process never overlap.
 */
export async function sendDue(now = new Date(), transport?: MailTransport) {
  while (running) await running.catch(() => undefined);
  const run = (async () => {
    const digests = queueDigests(now);
    const updates = queueUpdates();
    const delivery = await deliverQueued(transport);
    return { digests, updates, ...delivery, interrupted: interruptedCount() };
  })();
  running = run;
  try {
    return await run;
  } finally {
    running = null;
  }
}
