import { NextResponse } from "next/server";
import { requireRole } from "@/db/access";
import { createCommitment } from "@/db/commands/commitments";
import { listCommitments } from "@/db/queries/commitments";
import { commitmentFiltersSchema } from "@/db/queries/filters";
import { getViewer } from "@/db/session";
import { parseQuery, readJson, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () =>
    NextResponse.json(listCommitments(await getViewer(), parseQuery(request, commitmentFiltersSchema))),
  );
}

export function POST(request: Request) {
  return respond(async () => {
    const viewer = requireRole(await getViewer(), "commissioner");
    const commitment = createCommitment(viewer, await readJson(request));
    return NextResponse.json(commitment, { status: 201 });
  });
}
