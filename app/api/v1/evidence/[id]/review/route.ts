import { requireRole } from "@/db/access";
import { reviewResultSchema } from "@/db/api-schemas";
import { reviewEvidence } from "@/db/commands/review";
import { getViewer } from "@/db/session";
import { documentedJson, idParam, readJson, respond, type IdContext } from "../../../respond";

/** Accepts or rejects submitted evidence; the body's shape is documented at `reviewSchema`. */
export function POST(request: Request, context: IdContext) {
  return respond(async () => {
    const id = await idParam(context);
    const viewer = requireRole(await getViewer(), "commissioner");
    return documentedJson(reviewResultSchema, reviewEvidence(viewer, id, await readJson(request)));
  });
}
