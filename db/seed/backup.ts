import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { create } from "tar";
import {
  BACKUP_MODE,
  DATABASE,
  FORMAT,
  fsyncPath,
  MANIFEST,
  shardedPath,
  UPLOADS,
  workFolder,
  type Manifest,
} from "./backup-format";

/**
 * Writes a backup of a live database and its uploads to `file` (format: ./backup-format.ts).
 * The database is copied first, in one read transaction that writers do not wait for; then the
 * files it refers to. Stored files are named by their content and never change, so files copied
 * after the snapshot are the ones it refers to, whatever the app writes meanwhile.
 */
export async function writeBackup(options: { database: string; uploads: string; file: string }): Promise<Manifest> {
  if (!fs.existsSync(options.database)) throw new Error(`No database at ${options.database}`);
  const work = workFolder(options.uploads, "backup-");
  const partial = `${options.file}.partial`;
  try {
    const shas = snapshot(options.database, path.join(work, DATABASE));
    linkFiles(options.uploads, path.join(work, UPLOADS), shas);
    const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), files: shas.length };
    fs.writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2), { mode: BACKUP_MODE });

    fs.rmSync(partial, { force: true });
    await create({ file: partial, cwd: work, mode: BACKUP_MODE, portable: true }, [MANIFEST, DATABASE, UPLOADS]);
    fsyncPath(partial);
    fs.renameSync(partial, options.file);
    fsyncPath(path.dirname(path.resolve(options.file)));
    return manifest;
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Copies the database into `target` (created 0600 first) and answers the files it refers to. */
function snapshot(database: string, target: string): string[] {
  fs.closeSync(fs.openSync(target, "wx", BACKUP_MODE));
  const live = new Database(database, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    live.prepare("VACUUM INTO ?").run(target);
  } finally {
    live.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    return copy.prepare("SELECT sha256 FROM files ORDER BY sha256").pluck().all() as string[];
  } finally {
    copy.close();
  }
}

/**
 * Puts every referenced file (and its preview, when there is one) under `target`: hard links where
 * the file system allows, copies otherwise. A referenced file that is missing fails the backup.
 */
function linkFiles(uploads: string, target: string, shas: string[]): void {
  fs.mkdirSync(target, { recursive: true });
  const missing: string[] = [];
  for (const sha of shas) {
    const from = shardedPath(uploads, sha);
    const to = shardedPath(target, sha);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (!place(from, to)) missing.push(sha);
    place(`${from}.preview.webp`, `${to}.preview.webp`);
  }
  if (missing.length) {
    throw new Error(
      `${missing.length} file(s) the database refers to are missing from ${uploads}:\n${missing.join("\n")}`,
    );
  }
}

function place(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    if (code !== "EXDEV" && code !== "EPERM") throw error;
    fs.copyFileSync(from, to);
  }
  return true;
}
