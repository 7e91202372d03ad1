import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { statsParamsSchema } from "@/db/queries/filters";
import { getStats, resolveStatsScope } from "@/db/queries/stats";
import { apiError, parseQuery } from "../respond";

export async function GET(request: Request) {
  const query = parseQuery(request, statsParamsSchema);
  if (query.response) return query.response;
  const resolved = resolveStatsScope(query.data);
  if (resolved.unknown) {
    return apiError(404, "not_found", `No ${resolved.unknown} with that slug.`, [
      { path: resolved.unknown, message: "no such slug" },
    ]);
  }
  const { total: _, ...stats } = getStats(await getViewer(), resolved.scope);
  return NextResponse.json(stats);
}
