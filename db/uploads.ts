import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { CommandError } from "./commands/errors";
import { uploadsDir } from "./config";

// Multipart uploads, streamed to a temporary file while hashed, then typed from their content
// and stored once under their SHA-256. Nothing is ever held whole in memory.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;
/** Enough leading bytes for file-type to recognise every type we accept. */
const SNIFF_BYTES = 4100;

/** file-type's extension → the MIME type we store (CONTRACT §1: JPEG, PNG, WebP, PDF, MP3/M4A/OGG). */
const ACCEPTED: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
};

export type ReceivedFile = {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  name: string;
};
export type Received = { fields: Record<string, string>; files: ReceivedFile[] };

const tooLarge = (index: number) =>
  new CommandError(413, "too_large", `File ${index} is over ${MAX_FILE_BYTES} bytes.`, [
    { path: `files.${index}`, code: "file_too_large" },
  ]);
const unsupported = (index: number) =>
  new CommandError(415, "unsupported_file_type", `File ${index} is not a photo, PDF or audio file.`, [
    { path: `files.${index}`, code: "file_type" },
  ]);

/**
 * Reads a multipart body: text fields, and the `files` parts written to temporary files.
 * Throws 413/415 (after removing whatever it wrote) when a file is too big or of another type.
 */
export async function receiveMultipart(request: Request): Promise<Received> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) {
    throw new CommandError(415, "unsupported_media_type", "Send multipart/form-data.");
  }
  const tempDir = path.join(uploadsDir(), "tmp");
  await fs.promises.mkdir(tempDir, { recursive: true });

  const fields: Record<string, string> = {};
  const pending: Promise<ReceivedFile>[] = [];
  const parser = busboy({
    headers: { "content-type": contentType },
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 20, fieldSize: 64 * 1024 },
  });
  parser.on("field", (name, value) => {
    fields[name] ??= value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "files") {
      stream.resume();
      return;
    }
    pending.push(receiveFile(stream, info.filename, tempDir, pending.length));
  });

  try {
    await pipeline(Readable.fromWeb(request.body as NodeWebStream<Uint8Array>), parser);
  } catch {
    await discard(await settledFiles(pending));
    throw new CommandError(400, "invalid_body", "The multipart body could not be read.");
  }
  const results = await Promise.allSettled(pending);
  const files = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) {
    await discard(files);
    throw failure.reason;
  }
  return { fields, files };
}

async function settledFiles(pending: Promise<ReceivedFile>[]) {
  const results = await Promise.allSettled(pending);
  return results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
}

function receiveFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  filename: string | undefined,
  tempDir: string,
  index: number,
): Promise<ReceivedFile> {
  const tempPath = path.join(tempDir, randomUUID());
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  stream.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    sizeBytes += chunk.length;
    if (headBytes < SNIFF_BYTES) {
      head.push(chunk);
      headBytes += chunk.length;
    }
  });
  return pipeline(stream, fs.createWriteStream(tempPath)).then(
    async () => {
      const refuse = async (error: CommandError) => {
        await fs.promises.rm(tempPath, { force: true });
        throw error;
      };
      if (stream.truncated) return refuse(tooLarge(index));
      const ext = (await fileTypeFromBuffer(Buffer.concat(head)))?.ext;
      const mimeType = ext ? ACCEPTED[ext] : undefined;
      if (!mimeType) return refuse(unsupported(index));
      return { tempPath, sha256: hash.digest("hex"), sizeBytes, mimeType, name: cleanName(filename, index) };
    },
    async (error: unknown) => {
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    },
  );
}

/** A file name safe to show and to offer as a download name. */
function cleanName(filename: string | undefined, index: number): string {
  const base = path
    .basename(filename ?? "")
    .replace(/[\u0000-\u001f\u007f"\\/]/g, "")
    .trim();
  return base.slice(0, 200) || `archivo-${index + 1}`;
}

/** Removes temporary files of a refused upload. */
export async function discard(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((f) => fs.promises.rm(f.tempPath, { force: true })));
}

/** Where a stored file lives: sharded by the first two hex digits of its SHA-256. */
export function storedPath(sha256: string): string {
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256);
}

export function previewPath(sha256: string): string {
  return `${storedPath(sha256)}.preview.webp`;
}

/**
 * Moves a received file to its content address. Returns whether it is new (the same content
 * uploaded before is stored once). Images also get a small preview.
 */
export async function storeFile(file: ReceivedFile): Promise<boolean> {
  const target = storedPath(file.sha256);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    await fs.promises.rm(file.tempPath, { force: true });
    return false;
  }
  await fs.promises.rename(file.tempPath, target);
  if (file.mimeType.startsWith("image/")) await makePreview(target, previewPath(file.sha256));
  return true;
}

/** A 480-pixel WebP for lists and slow connections; a photo sharp cannot read just has none. */
async function makePreview(source: string, target: string): Promise<void> {
  await sharp(source)
    .rotate()
    .resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 })
    .toFile(target)
    .catch(() => undefined);
}

/** Removes stored files (and previews) that a failed transaction had just added. */
export async function unstore(sha256s: string[]): Promise<void> {
  await Promise.all(
    sha256s.flatMap((sha) => [
      fs.promises.rm(storedPath(sha), { force: true }),
      fs.promises.rm(previewPath(sha), { force: true }),
    ]),
  );
}
