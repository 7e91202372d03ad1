import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { listCommitments } from "@/db/queries/commitments";
import { commitmentFiltersSchema } from "@/db/queries/filters";
import { parseQuery } from "../respond";

export async function GET(request: Request) {
  const query = parseQuery(request, commitmentFiltersSchema);
  if (query.response) return query.response;
  return NextResponse.json(listCommitments(await getViewer(), query.data));
}
