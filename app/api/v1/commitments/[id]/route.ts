import { requireRole } from "@/db/access";
import { commitmentDetailSchema } from "@/db/api-schemas";
import { updateCommitment } from "@/db/commands/commitments";
import { notFound } from "@/db/commands/errors";
import { getCommitment } from "@/db/queries/commitment-detail";
import { getViewer } from "@/db/session";
import { documentedJson, idParam, readJson, respond, type IdContext } from "../../respond";

export function GET(_request: Request, context: IdContext) {
  return respond(async () => {
    const commitment = getCommitment(await getViewer(), await idParam(context));
    if (!commitment) throw notFound("Commitment");
    return documentedJson(commitmentDetailSchema, commitment);
  });
}

export function PATCH(request: Request, context: IdContext) {
  return respond(async () => {
    const id = await idParam(context);
    const viewer = requireRole(await getViewer(), "commissioner");
    return documentedJson(commitmentDetailSchema, updateCommitment(viewer, id, await readJson(request)));
  });
}
