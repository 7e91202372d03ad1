import { siteOrigin } from "@/app/site-origin";
import { exportCommitments } from "@/db/queries/export";
import { exportFiltersSchema } from "@/db/queries/filters";
import { resolveScope } from "@/db/queries/scope";
import { getApiViewer } from "@/db/session";
import { exportStream } from "../export-stream";
import { parseQuery, respond } from "../respond";

/**
 * The open-data export as JSON: `{data:[…]}` with every commitment the reader may see that
 * matches the list's filters (all pages), the same rows and order as the CSV, streamed a batch
 * at a time.
 */
export function GET(request: Request) {
  return respond(async () => {
    const filters = parseQuery(request, exportFiltersSchema);
    resolveScope(filters); // an unknown mesa or party slug is a 400, as in the list
    const [viewer, origin] = await Promise.all([getApiViewer(), siteOrigin()]);
    const body = exportStream(exportCommitments(viewer, filters), {
      head: '{"data":[',
      batch: (rows, first) =>
        (first ? "" : ",") +
        rows.map((row) => JSON.stringify({ ...row, url: `${origin}/commitments/${row.id}` })).join(","),
      tail: "]}\n",
    });
    return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8" } });
  });
}
