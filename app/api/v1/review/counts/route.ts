import { NextResponse } from "next/server";
import { requireRole } from "@/db/access";
import { reviewQueueCounts } from "@/db/queries/review";
import { getApiViewer } from "@/db/session";
import { respond } from "../../respond";

/** How much evidence waits for the viewer's review (`/review`'s counter): `{total, byMesa}`. */
export function GET() {
  return respond(async () => {
    const viewer = requireRole(await getApiViewer(), "commissioner");
    return NextResponse.json(reviewQueueCounts(viewer));
  });
}
