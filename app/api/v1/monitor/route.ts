import { requireRole } from "@/db/access";
import { monitorPageSchema } from "@/db/api-schemas";
import { pageParamSchema } from "@/db/queries/filters";
import { listMonitorCommitments } from "@/db/queries/monitor";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../respond";

/**
 * `/monitor`'s work list as JSON (`?page=N`), which the page refetches after the outbox delivers.
 * A 401 without a session rather than an empty list: the page keeps what it shows.
 */
export function GET(request: Request) {
  return respond(async () => {
    const { page } = parseQuery(request, pageParamSchema);
    const viewer = requireRole(await getViewer(), "monitor");
    return documentedJson(monitorPageSchema, listMonitorCommitments(viewer, { page }));
  });
}
