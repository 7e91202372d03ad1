import { changesSchema } from "@/db/api-schemas";
import { changesParamsSchema } from "@/db/queries/filters";
import { getChanges } from "@/db/queries/changes";
import { referenceDay } from "@/db/queries/aggregates";
import { resolveScope } from "@/db/queries/scope";
import { CommandError } from "@/db/commands/errors";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, respond } from "../respond";

/** What changed between two days (README: API beyond the contract). */
export function GET(request: Request) {
  return respond(async () => {
    const { from, to = referenceDay(), ...params } = parseQuery(request, changesParamsSchema);
    if (from > to) {
      throw new CommandError(400, "invalid_parameters", "`from` must not be after today.", [
        { path: "from", code: "invalid_date" },
      ]);
    }
    const scope = resolveScope(params);
    return documentedJson(changesSchema, await getChanges(await getViewer(), scope, from, to));
  });
}
