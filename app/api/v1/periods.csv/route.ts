import { stringify } from "csv-stringify/sync";
import type { Viewer } from "@/db/access";
import { PERIODS_CSV_COLUMNS, type ExportRow } from "@/db/api-schemas";
import { appTimeZone } from "@/db/config";
import { periodsOf, recurrenceOf } from "@/db/queries/periods";
import { todayIn } from "@/db/rules";
import { exportRequest, exportStream } from "../export-stream";
import { respond } from "../respond";

/** One row per elapsed period of each recurring commitment of a batch. */
function records(viewer: Viewer, rows: ExportRow[], today: string, origin: string) {
  const periods = periodsOf(
    viewer,
    rows.map((row) => ({ id: row.id, recurrence: recurrenceOf(row) })),
    today,
  );
  return rows.flatMap((row) =>
    (periods.get(row.id) ?? []).map((p) => ({
      commitment_id: row.id,
      mesa: row.mesa,
      code: row.code,
      title: row.title,
      recurrence: row.recurrence,
      period: p.n,
      starts_on: p.startsOn,
      due_on: p.dueOn,
      status: p.status,
      overdue: String(p.overdue),
      url: `${origin}/commitments/${row.id}`,
    })),
  );
}

/**
 * The periods export (issue 10): every elapsed period of the recurring commitments the reader
 * may see that match the list's filters, one row each, as the commitments CSV: UTF-8 with a BOM,
 * RFC 4180, streamed a batch of commitments at a time.
 */
export function GET(request: Request) {
  return respond(async () => {
    const { viewer, batches, origin } = await exportRequest(request, { recurringOnly: true });
    const today = todayIn(appTimeZone());
    const columns = [...PERIODS_CSV_COLUMNS];
    const body = exportStream(batches, {
      head: stringify([], { header: true, columns, bom: true }),
      batch: (rows) => stringify(records(viewer, rows, today, origin), { columns }),
      tail: "",
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="periods.csv"',
      },
    });
  });
}
