import { statsResponseSchema } from "@/db/api-schemas";
import { statsParamsSchema } from "@/db/queries/filters";
import { resolveScope } from "@/db/queries/scope";
import { getStats } from "@/db/queries/stats";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () => {
    const scope = resolveScope(parseQuery(request, statsParamsSchema));
    const { total: _, ...stats } = await getStats(await getViewer(), scope);
    return documentedJson(statsResponseSchema, stats);
  });
}
