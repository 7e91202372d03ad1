import { NextResponse } from "next/server";
import { changesParamsSchema } from "@/db/queries/filters";
import { getChanges } from "@/db/queries/changes";
import { referenceDay } from "@/db/queries/aggregates";
import { resolveScope } from "@/db/queries/scope";
import { getApiViewer } from "@/db/session";
import { parseQuery, respond } from "../respond";

/** What changed between two days (README: API beyond the contract). */
export function GET(request: Request) {
  return respond(async () => {
    const { from, to, ...params } = parseQuery(request, changesParamsSchema);
    const scope = resolveScope(params);
    return NextResponse.json(await getChanges(await getApiViewer(), scope, from, to ?? referenceDay()));
  });
}
