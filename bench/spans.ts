// The status_spans triggers (migration 0004) cost about half of the load time at 200k
// commitments, so the loader sets them aside and rebuilds the table once at the end with
// `npm run db:rebuild-history`'s statements (issue 7, item 7).
import type Database from "better-sqlite3";
import type { Db } from "../db/connection";
import { rebuildStatusSpans } from "../db/seed/rebuild-spans";

type Trigger = { name: string; sql: string };

/** Drops the triggers that write status_spans; returns them to be put back. */
export function dropSpanTriggers(sqlite: Database.Database): Trigger[] {
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO `status_spans`%'")
    .all() as Trigger[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER \`${t.name}\``);
  return triggers;
}

/** Fills status_spans from history, then puts the triggers back. */
export function rebuildSpans(db: Db, triggers: Trigger[]): void {
  rebuildStatusSpans(db);
  for (const t of triggers) db.$client.exec(t.sql);
}
