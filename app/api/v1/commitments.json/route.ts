import { exportRequest, exportStream } from "../export-stream";
import { respond } from "../respond";

/**
 * The open-data export as JSON: `{data:[…]}` with every commitment the reader may see that
 * matches the list's filters (all pages), the same rows and order as the CSV, streamed a batch
 * at a time.
 */
export function GET(request: Request) {
  return respond(async () => {
    const { batches, origin } = await exportRequest(request);
    const body = exportStream(batches, {
      head: '{"data":[',
      batch: (rows, first) =>
        (first ? "" : ",") +
        rows.map((row) => JSON.stringify({ ...row, url: `${origin}/commitments/${row.id}` })).join(","),
      tail: "]}\n",
    });
    return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
  });
}
