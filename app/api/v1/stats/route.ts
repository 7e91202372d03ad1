import { statsResponseSchema } from "@/db/api-schemas";
import { statsParamsSchema } from "@/db/queries/filters";
import { resolveScope } from "@/db/queries/scope";
import { getStats } from "@/db/queries/stats";
import { getApiViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () => {
    const scope = resolveScope(parseQuery(request, statsParamsSchema));
    const { total: _, ...stats } = await getStats(await getApiViewer(), scope);
    return documentedJson(statsResponseSchema, stats);
  });
}
