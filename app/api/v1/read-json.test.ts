import { describe, expect, it } from "vitest";
import { CommandError } from "@/db/commands/errors";
import { MAX_JSON_BYTES, readJson } from "./respond";

// readJson caps a body while it streams: a chunked body (no Content-Length) far over the cap is
// refused 413 after reading just past the cap, not after buffering all of it.

const CHUNK = 64 * 1024;

/** A body of `chunks` chunks of 64 KiB, counting how many the reader asked for. */
function countingBody(chunks: number) {
  const counter = { pulls: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulls += 1;
      if (counter.pulls > chunks) controller.close();
      else controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, counter };
}

function post(body: ReadableStream<Uint8Array> | string): Request {
  return new Request("http://localhost/api/v1/commitments", {
    method: "POST",
    headers: { authorization: "Bearer x", "content-type": "application/json" },
    body,
    // Node's fetch needs this to send a stream; it is what makes the body chunked.
    duplex: "half",
  } as RequestInit);
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof CommandError) return error.status;
    throw error;
  }
}

describe("readJson", () => {
  it("refuses a chunked body over the cap with 413 without reading it all", async () => {
    const { stream, counter } = countingBody(1_000); // 64 MiB if read whole
    expect(await statusOf(readJson(post(stream)))).toBe(413);
    const needed = Math.ceil((MAX_JSON_BYTES + 1) / CHUNK);
    // The stream may be asked for a chunk or two ahead of what is read.
    expect(counter.pulls).toBeLessThanOrEqual(needed + 2);
  });

  it("reads a chunked body under the cap", async () => {
    const { stream } = countingBody(2);
    const json = new TextEncoder().encode('{"a":1}');
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(json);
        const reader = stream.getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) controller.enqueue(r.value);
        controller.close();
      },
    });
    expect(await readJson(post(body))).toEqual({ a: 1 });
  });

  it("still refuses a declared Content-Length over the cap and bad JSON", async () => {
    const big = new Request("http://localhost/", {
      method: "POST",
      headers: { authorization: "Bearer x", "content-length": String(MAX_JSON_BYTES + 1) },
      body: "{}",
    });
    expect(await statusOf(readJson(big))).toBe(413);
    expect(await statusOf(readJson(post("{nope")))).toBe(400);
  });
});
