import { requireRole } from "@/db/access";
import { commitmentDetailSchema } from "@/db/api-schemas";
import { parsePeriodNumber, setPeriodStatus } from "@/db/commands/period-status";
import { getViewer } from "@/db/session";
import { documentedJson, idParam, readJson, respond } from "../../../../../respond";

type Context = { params: Promise<{ id: string; n: string }> };

/** CONTRACT §5: `{status, reason, evidenceIds?}` for period `n` (1-based) of a recurring commitment. */
export function POST(request: Request, context: Context) {
  return respond(async () => {
    const id = await idParam(context);
    const n = parsePeriodNumber((await context.params).n);
    const viewer = requireRole(await getViewer(), "commissioner");
    return documentedJson(commitmentDetailSchema, setPeriodStatus(viewer, id, n, await readJson(request)));
  });
}
