import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { CommandError } from "./commands/errors";

// One small file from a multipart body, read into memory (an import file; evidence files, which
// are large, are streamed to disk by ./uploads.ts).

/** The file part `field`, refused when over `maxBytes` (413), absent (422) or not multipart (415). */
export async function receiveOneFile(
  request: Request,
  field: string,
  maxBytes: number,
): Promise<{ name: string; bytes: Buffer }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
    throw new CommandError(415, "unsupported_media_type", "Send multipart/form-data.");
  }
  const tooLarge = () => new CommandError(413, "too_large", `The file is over ${maxBytes} bytes.`);
  // The file plus a little room for the part headers and other small fields.
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + 64 * 1024) throw tooLarge();

  let received: { name: string; bytes: Buffer; truncated: boolean } | undefined;
  try {
    const parser = busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
    });
    parser.on("file", (name, stream: NodeJS.ReadableStream & { truncated?: boolean }, info) => {
      if (name !== field) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received = { name: info.filename ?? "", bytes: Buffer.concat(chunks), truncated: !!stream.truncated };
      });
    });
    await pipeline(Readable.fromWeb(request.body as NodeWebStream<Uint8Array>), parser);
  } catch {
    throw new CommandError(400, "invalid_body", "The multipart body could not be read.");
  }
  if (!received || received.bytes.length === 0) {
    throw new CommandError(422, "invalid_input", `Send the file as the multipart field "${field}".`, [
      { path: field, code: "required" },
    ]);
  }
  if (received.truncated) throw tooLarge();
  return { name: received.name, bytes: received.bytes };
}
