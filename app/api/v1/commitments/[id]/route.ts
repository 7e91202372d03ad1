import { NextResponse } from "next/server";
import { requireRole } from "@/db/access";
import { updateCommitment } from "@/db/commands/commitments";
import { notFound } from "@/db/commands/errors";
import { getCommitment } from "@/db/queries/commitment-detail";
import { getApiViewer } from "@/db/session";
import { idParam, readJson, respond, type IdContext } from "../../respond";

export function GET(_request: Request, context: IdContext) {
  return respond(async () => {
    const commitment = getCommitment(await getApiViewer(), await idParam(context));
    if (!commitment) throw notFound("Commitment");
    return NextResponse.json(commitment);
  });
}

export function PATCH(request: Request, context: IdContext) {
  return respond(async () => {
    const id = await idParam(context);
    const viewer = requireRole(await getApiViewer(), "commissioner");
    return NextResponse.json(updateCommitment(viewer, id, await readJson(request)));
  });
}
