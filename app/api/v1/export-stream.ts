import { siteOrigin } from "@/app/site-origin";
import type { Viewer } from "@/db/access";
import { exportCommitments, type ExportRow } from "@/db/queries/export";
import { exportFiltersSchema } from "@/db/queries/filters";
import { resolveScope } from "@/db/queries/scope";
import { getViewer } from "@/db/session";
import { parseQuery } from "./respond";

/**
 * The rows an open-data export request asks for (the list's filters, every page), in batches,
 * and the site's origin for their links. An unknown mesa or party slug is a 400, as in the list.
 */
export async function exportRequest(
  request: Request,
  options: { recurringOnly?: boolean } = {},
): Promise<{ viewer: Viewer; batches: Generator<ExportRow[]>; origin: string }> {
  const filters = parseQuery(request, exportFiltersSchema);
  resolveScope(filters);
  const [viewer, origin] = await Promise.all([getViewer(), siteOrigin()]);
  return { viewer, batches: exportCommitments(viewer, filters, options), origin };
}

/**
 * A response body written a batch at a time as the reader takes it: an open-data export of
 * 200,000 rows never sits whole in memory.
 */
export function exportStream<T>(
  batches: Generator<T[]>,
  parts: { head: string; batch: (rows: T[], first: boolean) => string; tail: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(parts.head));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode(parts.tail));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(parts.batch(next.value, first)));
      first = false;
    },
    cancel() {
      batches.return(undefined);
    },
  });
}
