import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { extract } from "tar";
import {
  BACKUP_MODE,
  DATABASE,
  FORMAT,
  fsyncPath,
  MANIFEST,
  sha256Of,
  shardedPath,
  UPLOAD_ENTRY,
  UPLOADS,
  workFolder,
  type Manifest,
} from "./backup-format";

/** The target holds data and `--force` was not given. */
export class TargetNotEmpty extends Error {}

/**
 * Restores a backup written by ./backup.ts into `database` and `uploads` (the app must be
 * stopped). Everything is checked before anything is put in place: the database's integrity
 * and every file it refers to, present and hashing to its name. Refuses a target that holds
 * data unless `force`; then the database is replaced and the backup's files are added.
 */
export async function restoreBackup(options: {
  file: string;
  database: string;
  uploads: string;
  force: boolean;
}): Promise<Manifest> {
  if (!options.force && holdsData(options.database, options.uploads)) {
    throw new TargetNotEmpty(
      `${options.database} or ${options.uploads} already holds data; add --force to replace the database with the backup's`,
    );
  }
  if (!fs.existsSync(options.file)) throw new Error(`No backup at ${options.file}`);
  fs.mkdirSync(options.uploads, { recursive: true });
  const work = workFolder(options.uploads, "restore-");
  try {
    await extract({ file: options.file, cwd: work, strict: true, filter: isBackupEntry });
    const manifest = readManifest(path.join(work, MANIFEST));
    const shas = checkedDatabase(path.join(work, DATABASE));
    await checkFiles(path.join(work, UPLOADS), shas);
    installFiles(path.join(work, UPLOADS), options.uploads, shas);
    installDatabase(path.join(work, DATABASE), options.database);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function holdsData(database: string, uploads: string): boolean {
  const size = fs.statSync(database, { throwIfNoEntry: false })?.size ?? 0;
  const entries = fs.existsSync(uploads) ? fs.readdirSync(uploads).filter((entry) => entry !== "tmp") : [];
  return size > 0 || entries.length > 0;
}

/** Only plain files and folders with the names of ./backup-format.ts: no links, no other paths. */
function isBackupEntry(name: string, entry: unknown): boolean {
  const type = (entry as { type?: string }).type;
  const clean = name.replace(/^\.\//, "").replace(/\/$/, "");
  if (type === "Directory") return clean === UPLOADS || /^uploads\/[0-9a-f]{2}$/.test(clean);
  return type === "File" && (clean === MANIFEST || clean === DATABASE || UPLOAD_ENTRY.test(clean));
}

function readManifest(file: string): Manifest {
  if (!fs.existsSync(file)) throw new Error(`Not a Mesa Monitor backup: ${MANIFEST} is missing`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`Unknown backup format ${String(manifest.format)}`);
  return manifest;
}

/** The files the backed-up database refers to, once its integrity is checked. */
function checkedDatabase(file: string): string[] {
  if (!fs.existsSync(file)) throw new Error(`Not a Mesa Monitor backup: ${DATABASE} is missing`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`The backed-up database is damaged: ${String(integrity)}`);
    return db.prepare("SELECT sha256 FROM files").pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function checkFiles(uploads: string, shas: string[]): Promise<void> {
  const bad: string[] = [];
  for (const sha of shas) {
    const file = shardedPath(uploads, sha);
    if (!fs.existsSync(file)) bad.push(`${sha}: missing`);
    else if ((await sha256Of(file)) !== sha) bad.push(`${sha}: content does not hash to its name`);
  }
  if (bad.length) throw new Error(`The backup's files do not match its database:\n${bad.join("\n")}`);
}

/** Moves the files into place (by rename: the work folder is inside `uploads`), durably. */
function installFiles(from: string, uploads: string, shas: string[]): void {
  const folders = new Set<string>();
  for (const sha of shas) {
    for (const suffix of ["", ".preview.webp"]) {
      const source = `${shardedPath(from, sha)}${suffix}`;
      if (!fs.existsSync(source)) continue;
      const target = `${shardedPath(uploads, sha)}${suffix}`;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fsyncPath(source);
      fs.renameSync(source, target);
      folders.add(path.dirname(target));
    }
  }
  for (const folder of [...folders, uploads]) fsyncPath(folder);
}

/** Replaces the database: written aside with mode 0600, flushed, then renamed over the old one. */
function installDatabase(source: string, database: string): void {
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const partial = `${database}.restoring`;
  fs.rmSync(partial, { force: true });
  fs.copyFileSync(source, partial);
  fs.chmodSync(partial, BACKUP_MODE);
  fsyncPath(partial);
  // A -wal left by the old database would be replayed into the restored one.
  for (const stale of [`${database}-wal`, `${database}-shm`]) fs.rmSync(stale, { force: true });
  fs.renameSync(partial, database);
  fsyncPath(path.dirname(database));
}
