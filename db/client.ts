import "server-only";
import { databasePath } from "./config";
import { applyMigrations, openDatabase, type Db } from "./connection";

let instance: Db | undefined;

/**
 * The app's one connection, opened on first use (never at import time: `next build` imports
 * modules). Migrations are applied here too, so a server pointed at a new file still works.
 */
export function getDb(): Db {
  if (!instance) {
    instance = openDatabase(databasePath());
    applyMigrations(instance);
  }
  return instance;
}
