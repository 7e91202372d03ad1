import { partyDetailSchema } from "@/db/api-schemas";
import { notFound } from "@/db/commands/errors";
import { asOfParamsSchema } from "@/db/queries/filters";
import { getParty } from "@/db/queries/parties";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../../respond";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return respond(async () => {
    const { asOf } = parseQuery(request, asOfParamsSchema);
    const party = await getParty(await getViewer(), (await params).slug, asOf);
    if (!party) throw notFound("Party");
    return documentedJson(partyDetailSchema, party);
  });
}
