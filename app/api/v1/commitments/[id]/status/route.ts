import { requireRole } from "@/db/access";
import { commitmentDetailSchema } from "@/db/api-schemas";
import { changeStatus } from "@/db/commands/status";
import { getViewer } from "@/db/session";
import { documentedJson, idParam, readJson, respond, type IdContext } from "../../../respond";

export function POST(request: Request, context: IdContext) {
  return respond(async () => {
    const id = await idParam(context);
    const viewer = requireRole(await getViewer(), "commissioner");
    return documentedJson(commitmentDetailSchema, changeStatus(viewer, id, await readJson(request)));
  });
}
