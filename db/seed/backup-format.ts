import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What `db:backup` writes and `db:restore` reads: one tar archive, readable by any `tar`, holding
//   mesa-monitor-backup.json   {format: 1, createdAt, files: n}
//   database.sqlite            a consistent snapshot of the database (VACUUM INTO)
//   uploads/ab/abcdef…         every file the snapshot refers to, under its SHA-256 as in UPLOADS_DIR,
//                              with the image previews (`<sha>.preview.webp`) that exist

export const FORMAT = 1;
export const MANIFEST = "mesa-monitor-backup.json";
export const DATABASE = "database.sqlite";
export const UPLOADS = "uploads";
/** A backup holds password and token hashes and restricted text, like the database. */
export const BACKUP_MODE = 0o600;

export type Manifest = { format: number; createdAt: string; files: number };

/** `uploads/ab/<sha>` or its preview: the only file names a backup may carry besides the two above. */
export const UPLOAD_ENTRY = /^uploads\/([0-9a-f]{2})\/(\1[0-9a-f]{62})(\.preview\.webp)?$/;

/** Where a file with this SHA-256 lives under an uploads folder (as db/uploads.ts storedPath). */
export function shardedPath(uploads: string, sha256: string): string {
  return path.join(uploads, sha256.slice(0, 2), sha256);
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Flushes a file, or a folder's entries (a rename is durable only once its folder is). */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A working folder inside the uploads folder, so that files move from it by rename. */
export function workFolder(uploads: string, prefix: string): string {
  const tmp = path.join(uploads, "tmp");
  fs.mkdirSync(tmp, { recursive: true });
  return fs.mkdtempSync(path.join(tmp, prefix));
}
