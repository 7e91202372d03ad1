import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { getCommitment } from "@/db/queries/commitment-detail";
import { parseId } from "@/db/queries/filters";
import { apiError, notFound } from "../../respond";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (id === null) {
    return apiError(400, "invalid_parameters", "The commitment id must be a positive integer.", [
      { path: "id", message: "must be a positive integer" },
    ]);
  }
  const commitment = getCommitment(await getViewer(), id);
  return commitment ? NextResponse.json(commitment) : notFound("Commitment");
}
