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
