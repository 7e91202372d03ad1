// What must hold after the crashes, read from the database file itself (the server is down).
import fs from "node:fs";
import Database from "better-sqlite3";
import { sha256Of, shardedPath } from "../../db/seed/backup-format";
import { WRITER_PREFIX, type AckedEvidence } from "./types";

export type Acknowledged = { evidence: AckedEvidence[]; statusChanges: string[] };

/** Every problem found; none means nothing acknowledged was lost or doubled and every file is whole. */
export async function verify(database: string, uploads: string, acked: Acknowledged): Promise<string[]> {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return [
      ...integrity(db),
      ...evidencePresentOnce(db, acked.evidence),
      ...statusChangesPresentOnce(db, acked.statusChanges),
      ...statusMatchesHistory(db),
      ...(await filesWhole(db, uploads)),
    ];
  } finally {
    db.close();
  }
}

function integrity(db: Database.Database): string[] {
  const result = db.pragma("integrity_check", { simple: true });
  const foreignKeys = db.pragma("foreign_key_check") as unknown[];
  return [
    ...(result === "ok" ? [] : [`integrity_check: ${String(result)}`]),
    ...(foreignKeys.length ? [`foreign_key_check: ${foreignKeys.length} row(s) point nowhere`] : []),
  ];
}

function evidencePresentOnce(db: Database.Database, acked: AckedEvidence[]): string[] {
  const rows = db.prepare(
    `SELECT e.id, e.commitment_id AS commitmentId, (SELECT count(*) FROM evidence_files f WHERE f.evidence_id = e.id) AS files
     FROM evidence e WHERE e.submitted_by = ? AND e.idempotency_key = ?`,
  );
  return acked.flatMap((a) => {
    const found = rows.all(a.userId, a.key) as { id: number; commitmentId: number; files: number }[];
    if (found.length !== 1) return [`evidence ${a.key} (201, id ${a.id}) is stored ${found.length} time(s)`];
    const [row] = found;
    if (row!.id !== a.id || row!.commitmentId !== a.commitmentId) return [`evidence ${a.key} is not the one answered`];
    return row!.files === a.files ? [] : [`evidence ${a.key} has ${row!.files} file(s), ${a.files} were sent`];
  });
}

function statusChangesPresentOnce(db: Database.Database, acked: string[]): string[] {
  const counts = new Map(
    (
      db.prepare("SELECT reason, count(*) AS n FROM status_changes GROUP BY reason").all() as {
        reason: string;
        n: number;
      }[]
    ).map((r) => [r.reason, r.n]),
  );
  const lost = acked
    .filter((reason) => counts.get(reason) !== 1)
    .map((r) => `status change "${r}" (200) is stored ${counts.get(r) ?? 0} time(s)`);
  // Unacknowledged changes are looked up before being sent again, so none may be doubled either.
  const doubled = [...counts]
    .filter(([reason, n]) => n > 1 && reason.startsWith(WRITER_PREFIX) && !acked.includes(reason))
    .map(([r, n]) => `status change "${r}" is stored ${n} times`);
  return [...lost, ...doubled];
}

/** A commitment's status is the last one its history records: the two are written together. */
function statusMatchesHistory(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT c.code, c.status, (SELECT s.to_status FROM status_changes s WHERE s.commitment_id = c.id ORDER BY s.id DESC LIMIT 1) AS last
       FROM commitments c`,
    )
    .all() as { code: string; status: string; last: string | null }[];
  return rows
    .filter((r) => r.last !== null && r.last !== r.status)
    .map((r) => `commitment ${r.code} is ${r.status}, its history says ${r.last}`);
}

async function filesWhole(db: Database.Database, uploads: string): Promise<string[]> {
  const shas = db.prepare("SELECT sha256 FROM files").pluck().all() as string[];
  const problems: string[] = [];
  for (const sha of shas) {
    const file = shardedPath(uploads, sha);
    if (!fs.existsSync(file)) problems.push(`file ${sha} is referenced but missing`);
    else if ((await sha256Of(file)) !== sha) problems.push(`file ${sha} does not hash to its name`);
  }
  return problems;
}

/** How many evidence rows and stored files the database holds. */
export function tally(database: string): { evidence: number; files: number; statusChanges: number } {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { evidence: count("evidence"), files: count("files"), statusChanges: count("status_changes") };
  } finally {
    db.close();
  }
}
