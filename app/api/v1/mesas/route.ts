import { mesaListSchema } from "@/db/api-schemas";
import { asOfParamsSchema } from "@/db/queries/filters";
import { listMesas } from "@/db/queries/mesas";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () => {
    const { asOf } = parseQuery(request, asOfParamsSchema);
    const mesas = await listMesas(await getViewer(), asOf);
    return documentedJson(mesaListSchema, {
      data: mesas.map(({ slug, name, region, status, counts, complianceRate, latitude, longitude }) => ({
        slug,
        name,
        region,
        status,
        counts,
        complianceRate,
        latitude,
        longitude,
      })),
    });
  });
}
