import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** The database holds password and token hashes and restricted text: its owner alone may read it. */
export const DATABASE_FILE_MODE = 0o600;

/** Opens a SQLite file with the settings every connection of ours must have. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  keepPrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // An answer of 201 means the write survives a power loss: in WAL mode NORMAL may lose the
  // last commits (they are synced only at a checkpoint), FULL syncs the WAL at every commit.
  sqlite.pragma("synchronous = FULL");
  return drizzle(sqlite, { schema });
}

/**
 * Creates the database file with mode 0600, or narrows one created before to it. SQLite gives
 * the -wal and -shm files it creates the mode of the database file; older ones are narrowed too.
 */
function keepPrivate(file: string): void {
  fs.closeSync(fs.openSync(file, "a", DATABASE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    const stat = fs.statSync(f, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o777) !== DATABASE_FILE_MODE) fs.chmodSync(f, DATABASE_FILE_MODE);
  }
}

export function applyMigrations(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
