// `npm run bench:data -- --mesas 200 --commitments 200000 --evidence 1000000 [--seed N] [--db FILE]
// [--until YYYY-MM-DD] [--force]`: fills a fresh database deterministically through the app's
// schema (migrations included, so the triggers keep status_spans and search in step).
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { applyMigrations, openDatabase } from "../db/connection";
import { intOption, parse } from "./args";
import { generate, type Batch, type Catalogue } from "./generate";
import { dropSpanTriggers, rebuildSpans } from "./spans";

/** Fixed, so that the same seed gives the same data whatever the day it runs. */
const DEFAULT_UNTIL = "2026-11-30";

function insertRows(sqlite: Database.Database, table: string, rows: Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const statement = sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  for (const row of rows) statement.run(row);
}

const CATALOGUE_TABLES: [keyof Catalogue, string][] = [
  ["users", "users"],
  ["mesas", "mesas"],
  ["parties", "parties"],
  ["mesaParties", "mesa_parties"],
  ["userMesas", "user_mesas"],
];
const BATCH_TABLES: [keyof Batch, string][] = [
  ["commitmentParties", "commitment_parties"],
  ["statusChanges", "status_changes"],
  ["evidence", "evidence"],
  ["commitmentPeriods", "commitment_periods"],
];

function main() {
  const values = parse({
    mesas: { type: "string" },
    commitments: { type: "string" },
    evidence: { type: "string" },
    seed: { type: "string" },
    db: { type: "string" },
    until: { type: "string" },
    force: { type: "boolean" },
  });
  const options = {
    mesas: intOption(values, "mesas", 200),
    commitments: intOption(values, "commitments", 200_000),
    evidence: intOption(values, "evidence", 1_000_000),
    seed: intOption(values, "seed", 1),
    until: typeof values.until === "string" ? values.until : DEFAULT_UNTIL,
  };
  if (options.mesas < 1) throw new Error("--mesas must be at least 1");
  const file = path.resolve(typeof values.db === "string" ? values.db : "./data/bench.db");
  if (file === path.resolve("./data/mesa-monitor.db")) throw new Error("Refusing to write into the app's database.");
  if (fs.existsSync(file)) {
    if (!values.force) throw new Error(`${file} exists; pass --force to replace it.`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }

  try {
    fill(file, options);
  } catch (error) {
    // Half a data set would give meaningless figures.
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    throw error;
  }
}

function fill(file: string, options: Parameters<typeof generate>[0]) {
  const started = performance.now();
  const db = openDatabase(file);
  applyMigrations(db);
  const sqlite = db.$client;
  // A throw-away file filled in one go (deleted if the load fails): no journal until the end.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const spanTriggers = dropSpanTriggers(sqlite);

  const { catalogue, batches } = generate(options);
  sqlite.transaction(() => {
    for (const [key, table] of CATALOGUE_TABLES) insertRows(sqlite, table, catalogue[key]);
  })();
  const loadBatch = sqlite.transaction((batch: Batch) => {
    // A superseded commitment points at a later one of the same batch, so the batch goes in
    // newest first. (Deferring the foreign keys instead makes SQLite scan the unindexed
    // superseded_by column on every insert while a violation is pending: quadratic.)
    insertRows(sqlite, "commitments", [...batch.commitments].reverse());
    for (const [key, table] of BATCH_TABLES) insertRows(sqlite, table, batch[key]);
  });
  let done = 0;
  for (const batch of batches()) {
    loadBatch(batch);
    done += batch.commitments.length;
    if (process.stdout.isTTY) process.stdout.write(`\r${done} / ${options.commitments} commitments`);
  }
  if (process.stdout.isTTY) process.stdout.write("\n");
  rebuildSpans(db, spanTriggers);
  sqlite.pragma("journal_mode = WAL");

  const counts = Object.fromEntries(
    [
      "mesas",
      "parties",
      "users",
      "commitments",
      "commitment_parties",
      "status_changes",
      "status_spans",
      "evidence",
    ].map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
  sqlite.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`Filled ${file} (seed ${options.seed}, until ${options.until}):`);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(20)} ${n.toLocaleString("en")}`);
  const sinceStart = performance.now() / 1000;
  console.log(`Done in ${seconds.toFixed(1)} s (${sinceStart.toFixed(1)} s since the command started).`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
