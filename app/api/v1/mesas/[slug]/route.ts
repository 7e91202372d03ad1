import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { asOfParamsSchema } from "@/db/queries/filters";
import { getMesa } from "@/db/queries/mesas";
import { notFound, parseQuery } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const query = parseQuery(request, asOfParamsSchema);
  if (query.response) return query.response;
  const mesa = getMesa(await getViewer(), (await params).slug, query.data.asOf);
  if (!mesa) return notFound("Mesa");
  const { id: _, ...dto } = mesa;
  return NextResponse.json(dto);
}
