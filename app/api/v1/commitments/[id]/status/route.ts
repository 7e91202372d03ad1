import { NextResponse } from "next/server";
import { requireRole } from "@/db/access";
import { changeStatus } from "@/db/commands/status";
import { getApiViewer } from "@/db/session";
import { idParam, readJson, respond, type IdContext } from "../../../respond";

export function POST(request: Request, context: IdContext) {
  return respond(async () => {
    const id = await idParam(context);
    const viewer = requireRole(await getApiViewer(), "commissioner");
    return NextResponse.json(changeStatus(viewer, id, await readJson(request)));
  });
}
