import type { Db } from "../connection";

// The same statements as the backfill of drizzle/0004_status_spans.sql; the triggers there keep
// the table from then on. For repairs, e.g. after history was imported with triggers disabled.
const REBUILD = [
  "DELETE FROM status_spans",
  `INSERT INTO status_spans (commitment_id, status, from_at, to_at)
     SELECT c.id, 'pending', '', (SELECT MIN(s.changed_at) FROM status_changes s WHERE s.commitment_id = c.id)
     FROM commitments c`,
  `INSERT INTO status_spans (commitment_id, status, from_at, to_at)
     SELECT commitment_id, to_status, changed_at,
            LEAD(changed_at) OVER (PARTITION BY commitment_id ORDER BY changed_at, id)
     FROM status_changes`,
];

/** Recomputes the derived status_spans from status_changes in one transaction; returns the row count. */
export function rebuildStatusSpans(db: Db): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    for (const statement of REBUILD) sqlite.prepare(statement).run();
    return (sqlite.prepare("SELECT count(*) AS n FROM status_spans").get() as { n: number }).n;
  })();
}
