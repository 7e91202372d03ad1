// The status_spans triggers (migration 0004) cost about half of the load time at 200k
// commitments, so the loader sets them aside and rebuilds the table in one pass with the same
// statements the migration's backfill uses, read from the migration itself (issue 7, item 7).
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

type Trigger = { name: string; sql: string };
export type SpanRebuild = { triggers: Trigger[]; backfill: string[] };

/**
 * The triggers that write status_spans and the migration statements that fill it from history,
 * or null when no migration's backfill can be found (then the loader keeps the triggers).
 */
export function findSpanRebuild(sqlite: Database.Database, migrationsDir = "drizzle"): SpanRebuild | null {
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO `status_spans`%'")
    .all() as Trigger[];
  if (triggers.length === 0) return null;
  // The newest migration that (re)defines every one of these triggers holds the current backfill.
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .reverse();
  for (const file of files) {
    const text = fs.readFileSync(path.join(migrationsDir, file), "utf8");
    if (!triggers.every((t) => text.includes(`CREATE TRIGGER \`${t.name}\``))) continue;
    const backfill = text
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter((s) => /^INSERT INTO `status_spans`/.test(s));
    return backfill.length > 0 ? { triggers, backfill } : null;
  }
  return null;
}

export function dropTriggers(sqlite: Database.Database, rebuild: SpanRebuild): void {
  for (const t of rebuild.triggers) sqlite.exec(`DROP TRIGGER \`${t.name}\``);
}

/** Fills status_spans from history and puts the triggers back, in one transaction. */
export function rebuildSpans(sqlite: Database.Database, rebuild: SpanRebuild): void {
  sqlite.transaction(() => {
    sqlite.exec("DELETE FROM status_spans");
    for (const statement of rebuild.backfill) sqlite.exec(statement);
    for (const t of rebuild.triggers) sqlite.exec(t.sql);
  })();
}
