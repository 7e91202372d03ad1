import { CommandError } from "./commands/errors";

// How much evidence one user may send in a while: each submission costs disk and, for photos,
// decoding time, so a script with a monitor's token (or a phone stuck in a loop) must not be able
// to fill the disk or keep the image queue busy for everyone. Counted in this process's memory:
// a restart forgets it, which only ever lets more through.

export type UploadLimits = { submissions: number; bytes: number; windowMs: number };

/**
 * Per user and rolling hour: 120 submissions and 1 GB. A monitor's phone emptying a week's
 * queue after a trip sends a few dozen; the outbox keeps what a 429 refuses and sends it later.
 */
export const UPLOAD_LIMITS: UploadLimits = { submissions: 120, bytes: 1024 * 1024 * 1024, windowMs: 60 * 60 * 1000 };

type Entry = { at: number; bytes: number };

export class TooManyUploads extends CommandError {
  constructor(override readonly retryAfterSeconds: number) {
    super(429, "too_many_uploads", `Too many uploads: try again in ${retryAfterSeconds} s.`);
  }
}

/** Each user's recent submissions, oldest first. */
export function uploadBudget(limits: UploadLimits = UPLOAD_LIMITS, clock: () => number = Date.now) {
  const byUser = new Map<number, Entry[]>();

  function recent(userId: number, now: number): Entry[] {
    const entries = (byUser.get(userId) ?? []).filter((e) => now - e.at < limits.windowMs);
    if (entries.length) byUser.set(userId, entries);
    else byUser.delete(userId);
    return entries;
  }

  return {
    /**
     * Admits one submission of `bytes` (its declared Content-Length; 0 when unknown) or throws
     * 429 with the seconds until enough of the window has passed. What is admitted counts even
     * when it is refused later: reading and decoding it cost the same. Returns how to record what
     * it turned out to carry, when that is more than it declared.
     */
    admit(userId: number, bytes: number): (received: number) => void {
      const now = clock();
      const entries = recent(userId, now);
      let used = entries.reduce((sum, e) => sum + e.bytes, 0);
      const over = (count: number) => count >= limits.submissions || (count > 0 && used + bytes > limits.bytes);
      if (over(entries.length)) {
        // Wait until the oldest entries leave the window and this one fits.
        let freed = 0;
        while (over(entries.length - freed)) used -= entries[freed++].bytes;
        const until = entries[freed - 1].at + limits.windowMs;
        throw new TooManyUploads(Math.max(1, Math.ceil((until - now) / 1000)));
      }
      const entry = { at: now, bytes };
      entries.push(entry);
      byUser.set(userId, entries);
      return (received) => {
        entry.bytes = Math.max(entry.bytes, received);
      };
    },
  };
}

/** The process's budget, shared by every request. */
export const evidenceUploads = uploadBudget();
