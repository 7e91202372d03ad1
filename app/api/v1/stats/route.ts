import { NextResponse } from "next/server";
import { CommandError } from "@/db/commands/errors";
import { statsParamsSchema } from "@/db/queries/filters";
import { getStats, resolveStatsScope } from "@/db/queries/stats";
import { getViewer } from "@/db/session";
import { parseQuery, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () => {
    const resolved = resolveStatsScope(parseQuery(request, statsParamsSchema));
    if (resolved.unknown) {
      throw new CommandError(404, "not_found", `No ${resolved.unknown} with that slug.`, [
        { path: resolved.unknown, code: "invalid_choice" },
      ]);
    }
    const { total: _, ...stats } = getStats(await getViewer(), resolved.scope);
    return NextResponse.json(stats);
  });
}
