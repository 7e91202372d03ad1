import { mesaDetailSchema } from "@/db/api-schemas";
import { notFound } from "@/db/commands/errors";
import { asOfParamsSchema } from "@/db/queries/filters";
import { getMesa } from "@/db/queries/mesas";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../../respond";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return respond(async () => {
    const { asOf } = parseQuery(request, asOfParamsSchema);
    const mesa = await getMesa(await getViewer(), (await params).slug, asOf);
    if (!mesa) throw notFound("Mesa");
    const { id: _, ...dto } = mesa;
    return documentedJson(mesaDetailSchema, dto);
  });
}
