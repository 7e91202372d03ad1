import { requireRole } from "@/db/access";
import { reviewCountsSchema } from "@/db/api-schemas";
import { reviewQueueCounts } from "@/db/queries/review";
import { getViewer } from "@/db/session";
import { documentedJson, respond } from "../../respond";

/** How much evidence waits for the viewer's review (`/review`'s counter): `{total, byMesa}`. */
export function GET() {
  return respond(async () => {
    const viewer = requireRole(await getViewer(), "commissioner");
    return documentedJson(reviewCountsSchema, reviewQueueCounts(viewer));
  });
}
