import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import { CommandError } from "./commands/errors";
import { uploadsDir } from "./config";
import { makePreview, stripMetadata, type ImageFormat } from "./images";
import { cleanFileMetadata, type MetadataFinding } from "./file-metadata";

// Multipart uploads, streamed to a temporary file while hashed, then typed from their content
// and stored once under their SHA-256. Nothing is ever held whole in memory.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 10;
/** Ten full files plus the text fields: a body declaring more is refused before it is read. */
const MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;
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
  metadataFindings: MetadataFinding[];
};
export type Received = { fields: Record<string, string>; files: ReceivedFile[] };

const tooLarge = (index: number) =>
  new CommandError(413, "too_large", `File ${index} is over ${MAX_FILE_BYTES} bytes.`, [
    { path: `files.${index}`, code: "file_too_large" },
  ]);
const tooMany = () =>
  new CommandError(413, "too_many_files", `At most ${MAX_FILES} files per submission.`, [
    { path: "files", code: "too_many_files" },
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
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
    throw new CommandError(415, "unsupported_media_type", "Send multipart/form-data.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw tooMany();
  const tempDir = path.join(uploadsDir(), "tmp");
  await fs.promises.mkdir(tempDir, { recursive: true });

  const fields: Record<string, string> = {};
  const pending: Promise<ReceivedFile>[] = [];
  let overLimit = false;
  try {
    const parser = busboy({
      headers: { "content-type": contentType },
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 20, parts: MAX_FILES + 20, fieldSize: 64 * 1024 },
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
    parser.on("filesLimit", () => {
      overLimit = true;
    });
    await pipeline(Readable.fromWeb(request.body as NodeWebStream<Uint8Array>), parser);
  } catch {
    // A malformed body (no boundary, cut short, aborted by the client).
    await discard(await settledFiles(pending));
    throw new CommandError(400, "invalid_body", "The multipart body could not be read.");
  }
  const results = await Promise.allSettled(pending);
  const files = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure || overLimit) {
    await discard(files);
    throw overLimit ? tooMany() : failure!.reason;
  }
  return { fields, files };
}

async function settledFiles(pending: Promise<ReceivedFile>[]) {
  const results = await Promise.allSettled(pending);
  return results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
}

async function receiveFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  filename: string | undefined,
  tempDir: string,
  index: number,
): Promise<ReceivedFile> {
  const tempPath = path.join(tempDir, randomUUID());
  const head: Buffer[] = [];
  let headBytes = 0;
  stream.on("data", (chunk: Buffer) => {
    if (headBytes < SNIFF_BYTES) {
      head.push(chunk);
      headBytes += chunk.length;
    }
  });
  try {
    await pipeline(stream, fs.createWriteStream(tempPath));
    if (stream.truncated) throw tooLarge(index);
    const ext = await fileTypeFromBuffer(Buffer.concat(head)).then(
      (type) => type?.ext,
      () => undefined,
    );
    const mimeType = ext ? ACCEPTED[ext] : undefined;
    if (!mimeType) throw unsupported(index);
    if (mimeType.startsWith("image/")) await stripMetadata(tempPath, imageFormat(ext!), index);
    const metadataFindings = await cleanFileMetadata(tempPath, mimeType, MAX_FILE_BYTES);
    const { sha256, sizeBytes } = await digest(tempPath);
    // A re-encoded photo may come out larger than it went in (a 256-colour PNG stored as RGB).
    if (sizeBytes > MAX_FILE_BYTES) throw tooLarge(index);
    return { tempPath, sha256, sizeBytes, mimeType, name: cleanName(filename, index), metadataFindings };
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
}

const imageFormat = (ext: string): ImageFormat => (ext === "jpg" ? "jpeg" : (ext as ImageFormat));

async function digest(file: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    sizeBytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
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
 * Moves a received file to its content address, durably: the file's bytes and the directory
 * entries naming it reach the disk before this returns, so a commit that references it cannot
 * outlive it in a power loss. Returns whether it is new (the same content uploaded before is
 * stored once). Images also get a small preview (not flushed: it can be made again, and
 * `/files/{sha}?preview=1` falls back to the file).
 */
export async function storeFile(file: ReceivedFile): Promise<boolean> {
  const target = storedPath(file.sha256);
  const shard = path.dirname(target);
  if (!fs.existsSync(shard)) {
    await fs.promises.mkdir(shard, { recursive: true });
    await syncPath(uploadsDir());
  }
  if (fs.existsSync(target)) {
    await fs.promises.rm(file.tempPath, { force: true });
    return false;
  }
  await syncPath(file.tempPath);
  await fs.promises.rename(file.tempPath, target);
  await syncPath(shard);
  if (file.mimeType.startsWith("image/")) await makePreview(target, previewPath(file.sha256));
  return true;
}

/** fsync of a file, or of a directory (its entries: a rename into it, a new subdirectory). */
async function syncPath(target: string): Promise<void> {
  const handle = await fs.promises.open(target, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
