import { getDb } from "../client";

// "A refusal writes nothing" (CONTRACT §5), checked cheaply enough to ask after every fuzzed call:
// temporary triggers log each committed row change to a temporary table. A rolled-back
// transaction rolls its log entries back too, so only writes that stayed are seen.

/** Bookkeeping that a read or a refusal may touch without writing anything of the user's. */
const IGNORED_COLUMNS: Record<string, string[]> = { api_tokens: ["last_used_at"] };

/** Internal and derived tables (the search index follows commitments, which are logged). */
const IGNORED_TABLE = /^(sqlite_|__drizzle|commitments_fts)/;

let installed = false;

function install() {
  const client = getDb().$client;
  client.exec("CREATE TEMP TABLE IF NOT EXISTS write_log (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL)");
  const tables = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  for (const table of tables.filter((name) => !IGNORED_TABLE.test(name))) {
    const columns = (client.pragma(`table_info("${table}")`) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !(IGNORED_COLUMNS[table] ?? []).includes(c));
    const changed = columns.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(" OR ");
    const log = `INSERT INTO write_log (tbl) VALUES ('${table}')`;
    client.exec(`
      CREATE TEMP TRIGGER "log_insert_${table}" AFTER INSERT ON main."${table}" BEGIN ${log}; END;
      CREATE TEMP TRIGGER "log_delete_${table}" AFTER DELETE ON main."${table}" BEGIN ${log}; END;
      CREATE TEMP TRIGGER "log_update_${table}" AFTER UPDATE ON main."${table}" WHEN ${changed} BEGIN ${log}; END;
    `);
  }
  installed = true;
}

/** Starts watching; the returned function lists the tables written since (empty: nothing written). */
export function watchWrites(): () => string[] {
  if (!installed) install();
  const client = getDb().$client;
  const mark = client.prepare("SELECT coalesce(max(id), 0) FROM temp.write_log").pluck().get() as number;
  return () =>
    client.prepare("SELECT DISTINCT tbl FROM temp.write_log WHERE id > ? ORDER BY tbl").pluck().all(mark) as string[];
}
