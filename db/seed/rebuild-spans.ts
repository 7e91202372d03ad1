import type { Db } from "../connection";

// The same statements as the backfill of drizzle/0004_status_spans.sql; the triggers there keep
// the table from then on. For repairs, e.g. after history was imported with triggers disabled.
const COLUMNS = "commitment_id, status, from_at, to_at, mesa_id, theme, visibility, made_on, due_on";
const REBUILD = [
  "DELETE FROM status_spans",
  `INSERT INTO status_spans (${COLUMNS})
     SELECT c.id, 'pending', '', (SELECT MIN(s.changed_at) FROM status_changes s WHERE s.commitment_id = c.id),
            c.mesa_id, c.theme, c.visibility, c.made_on, c.due_on
     FROM commitments c`,
  `INSERT INTO status_spans (${COLUMNS})
     SELECT s.commitment_id, s.to_status, s.changed_at,
            LEAD(s.changed_at) OVER (PARTITION BY s.commitment_id ORDER BY s.changed_at, s.id),
            c.mesa_id, c.theme, c.visibility, c.made_on, c.due_on
     FROM status_changes s JOIN commitments c ON c.id = s.commitment_id`,
];

/** Recomputes the derived status_spans from status_changes in one transaction; returns the row count. */
export function rebuildStatusSpans(db: Db): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    for (const statement of REBUILD) sqlite.prepare(statement).run();
    return (sqlite.prepare("SELECT count(*) AS n FROM status_spans").get() as { n: number }).n;
  })();
}
