import { stringify } from "csv-stringify/sync";
import { COMMITMENT_CSV_COLUMNS, type ExportRow } from "@/db/api-schemas";
import { exportRequest, exportStream } from "../export-stream";
import { respond } from "../respond";

function record(row: ExportRow, origin: string): Record<(typeof COMMITMENT_CSV_COLUMNS)[number], string | number> {
  return {
    id: row.id,
    mesa: row.mesa,
    code: row.code,
    title: row.title,
    theme: row.theme,
    responsible_parties: row.parties.join(";"),
    lead_party: row.lead ?? "",
    made_on: row.madeOn,
    due_on: row.dueOn ?? "",
    status: row.status,
    overdue: String(row.overdue),
    evidence_count: row.evidenceCount,
    last_change_on: row.lastChangeOn ?? "",
    recurrence: row.recurrence ?? "",
    ends_on: row.endsOn ?? "",
    url: `${origin}/commitments/${row.id}`,
  };
}

/**
 * Every commitment the reader may see that matches the list's filters, as CSV (CONTRACT §6):
 * UTF-8 with a BOM (spreadsheets then read the accents right), RFC 4180, streamed a batch at a
 * time so that memory stays flat whatever the size.
 */
export function GET(request: Request) {
  return respond(async () => {
    const { batches, origin } = await exportRequest(request);
    const body = exportStream(batches, {
      // The header alone when nothing matches; the BOM makes spreadsheets read the accents as UTF-8.
      head: stringify([], { header: true, columns: [...COMMITMENT_CSV_COLUMNS], bom: true }),
      batch: (rows) =>
        stringify(
          rows.map((row) => record(row, origin)),
          { columns: [...COMMITMENT_CSV_COLUMNS] },
        ),
      tail: "",
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="commitments.csv"',
      },
    });
  });
}
