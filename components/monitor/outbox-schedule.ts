import { flush } from "./outbox";
import { queuedItems } from "./outbox-store";

// When the evidence outbox is sent (what happens then is outbox.ts's business).

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
