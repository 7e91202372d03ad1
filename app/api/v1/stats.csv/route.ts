import { stringify } from "csv-stringify/sync";
import { CHART_TABLES, chartLabels, csvRecords } from "@/components/charts/tables";
import { resolveScope } from "@/db/queries/scope";
import { getStats } from "@/db/queries/stats";
import { getViewer } from "@/db/session";
import { getI18n } from "@/i18n/server";
import { parseQuery, respond } from "../respond";
import { statsCsvParamsSchema } from "./params";

/** One dashboard chart's table as CSV, in the reader's language (header) and the same scope as `/stats`. */
export function GET(request: Request) {
  return respond(async () => {
    const { chart, ...params } = parseQuery(request, statsCsvParamsSchema);
    const scope = resolveScope(params);
    const stats = await getStats(await getViewer(), scope);
    const { m } = await getI18n();
    // The BOM makes spreadsheet programs read the accents as UTF-8.
    const body = stringify(csvRecords(CHART_TABLES[chart](stats, chartLabels(m))), { bom: true });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${chart}-${stats.day}.csv"`,
      },
    });
  });
}
