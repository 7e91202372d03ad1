import fs from "node:fs";
import path from "node:path";

/** Anything younger may belong to a request still running (or one that runs while we sweep). */
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

/** `ab/ab12…` (a stored file), `ab/ab12….preview.webp` and its unfinished `….preview.webp.<uuid>`. */
const STORED_NAME = /^([0-9a-f]{64})(\.preview\.webp(\..+)?)?$/;

/**
 * Removes stored files (and their previews) that no `files` row references, older than an hour:
 * what a submission whose transaction failed, or a crash between storing and committing, left.
 * A request never removes what it stored (another upload of the same content may just have
 * referenced it); this sweep, with its grace period, does. Unfinished previews older than an
 * hour go too. Returns how many files it removed.
 */
export async function sweepUnreferencedFiles(
  uploads: string,
  isReferenced: (sha256: string) => boolean,
  now = Date.now(),
): Promise<number> {
  const shards = await fs.promises.readdir(uploads).catch(() => [] as string[]);
  let removed = 0;
  for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    const dir = path.join(uploads, shard);
    for (const entry of await fs.promises.readdir(dir).catch(() => [] as string[])) {
      const name = STORED_NAME.exec(entry);
      if (!name || !entry.startsWith(shard)) continue;
      const unfinishedPreview = name[3] !== undefined;
      if (!unfinishedPreview && isReferenced(name[1])) continue;
      const file = path.join(dir, entry);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat?.isFile() && now - stat.mtimeMs > STALE_MS) {
        await fs.promises.rm(file, { force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
