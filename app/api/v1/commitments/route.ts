import { requireRole } from "@/db/access";
import { commitmentDetailSchema, commitmentListSchema } from "@/db/api-schemas";
import { createCommitment } from "@/db/commands/commitments";
import { listCommitments } from "@/db/queries/commitments";
import { commitmentFiltersSchema } from "@/db/queries/filters";
import { resolveScope } from "@/db/queries/scope";
import { getViewer } from "@/db/session";
import { documentedJson, parseQuery, readJson, respond } from "../respond";

export function GET(request: Request) {
  return respond(async () => {
    const filters = parseQuery(request, commitmentFiltersSchema);
    resolveScope(filters); // an unknown mesa or party slug is a 400, as in /stats
    return documentedJson(commitmentListSchema, listCommitments(await getViewer(), filters));
  });
}

export function POST(request: Request) {
  return respond(async () => {
    const viewer = requireRole(await getViewer(), "commissioner");
    const commitment = createCommitment(viewer, await readJson(request));
    return documentedJson(commitmentDetailSchema, commitment, { status: 201 });
  });
}
