import { NextResponse } from "next/server";
import { getViewer } from "@/db/access";
import { asOfParamsSchema } from "@/db/queries/filters";
import { listMesas } from "@/db/queries/mesas";
import { parseQuery } from "../respond";

export async function GET(request: Request) {
  const query = parseQuery(request, asOfParamsSchema);
  if (query.response) return query.response;
  const mesas = listMesas(await getViewer(), query.data.asOf);
  return NextResponse.json({
    data: mesas.map(({ slug, name, region, status, counts, complianceRate }) => ({
      slug,
      name,
      region,
      status,
      counts,
      complianceRate,
    })),
  });
}
