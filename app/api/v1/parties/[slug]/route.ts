import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { asOfParamsSchema } from "@/db/queries/filters";
import { getParty } from "@/db/queries/parties";
import { notFound, parseQuery } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, asOfParamsSchema);
  if (query.response) return query.response;
  const party = getParty(await getViewer(), (await params).slug, query.data.asOf);
  return party ? NextResponse.json(party) : notFound("Party");
}
