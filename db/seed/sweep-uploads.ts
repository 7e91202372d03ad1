import fs from "node:fs";
import path from "node:path";

const STALE_MS = 60 * 60 * 1000;

/**
 * Removes temporary upload files older than an hour: what a request cut short by a crash or a
 * restart left in `UPLOADS_DIR/tmp` (a finished request always removes its own). Returns how many.
 */
export async function sweepTemporaryUploads(uploads: string, now = Date.now()): Promise<number> {
  const tmp = path.join(uploads, "tmp");
  const entries = await fs.promises.readdir(tmp).catch(() => [] as string[]);
  let removed = 0;
  for (const entry of entries) {
    const file = path.join(tmp, entry);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_MS) {
      await fs.promises.rm(file, { force: true, recursive: true });
      removed += 1;
    }
  }
  return removed;
}
