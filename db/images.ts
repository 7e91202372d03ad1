import "server-only";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import sharp, { type JpegOptions, type PngOptions, type WebpOptions } from "sharp";
import { CommandError } from "./commands/errors";
import { jobLimit } from "./job-limit";

// The work done on uploaded photos: refusing what would cost too much to decode, re-encoding
// without metadata (lossless photos losslessly), and the small preview. Decoding is the costly
// part (memory grows with the pixel count, not with the file's size), so it is capped twice: in
// pixels per image and in images decoded at once across all requests.

/**
 * 40 megapixels: more than any phone camera (a 108 MP sensor saves 12 MP by default) or an A4
 * scan at 600 dpi (35 MP), and about 160 MB once decoded to RGBA.
 */
export const MAX_PIXELS = 40_000_000;
/** Images decoded at once in this process; the others wait their turn. */
export const IMAGE_JOBS = 2;
export const imageJobs = jobLimit(IMAGE_JOBS);

export type ImageFormat = "jpeg" | "png" | "webp";

const unsupported = (index: number) =>
  new CommandError(415, "unsupported_file_type", `File ${index} is not a photo, PDF or audio file.`, [
    { path: `files.${index}`, code: "file_type" },
  ]);
const tooManyPixels = (index: number) =>
  new CommandError(413, "image_too_large", `Image ${index} has more than ${MAX_PIXELS} pixels.`, [
    { path: `files.${index}`, code: "image_too_large" },
  ]);

/**
 * Re-encodes a photo in place without its metadata (GPS position, device, time): a monitor's photo
 * must not say where they stood. Its orientation is applied first. PNG and lossless WebP stay
 * lossless (a scanned acta or a screenshot keeps every pixel); JPEG and lossy WebP are re-encoded
 * at quality 90. The stored bytes, and so the SHA-256 shown to users, are those of the result.
 * Throws 413 for an image over MAX_PIXELS (read from its header, before any decoding), 415 for
 * one that does not decode.
 */
export async function stripMetadata(file: string, format: ImageFormat, index: number): Promise<void> {
  const pixels = await declaredPixels(file);
  if (pixels === null) throw unsupported(index);
  if (pixels > MAX_PIXELS) throw tooManyPixels(index);
  const lossless = format === "png" || (format === "webp" && (await isLosslessWebp(file)));
  const cleaned = `${file}.clean`;
  try {
    // sharp writes no metadata unless asked to (withMetadata).
    await imageJobs(() =>
      sharp(file, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .toFormat(format, encoderOptions(format, lossless))
        .toFile(cleaned),
    );
    await fs.promises.rename(cleaned, file);
  } catch {
    await fs.promises.rm(cleaned, { force: true });
    throw unsupported(index);
  }
}

function encoderOptions(format: ImageFormat, lossless: boolean): JpegOptions | PngOptions | WebpOptions {
  if (format === "png") return {}; // Never `quality` or `palette`: either turns on 256-colour quantising.
  if (format === "webp" && lossless) return { lossless: true, exact: true };
  return { quality: 90 };
}

/** Width × height from the header alone (sharp decodes nothing here), or null when unreadable. */
async function declaredPixels(file: string): Promise<number | null> {
  try {
    const { width, height } = await sharp(file, { limitInputPixels: false }).metadata();
    return width && height ? width * height : null;
  } catch {
    return null;
  }
}

/**
 * Whether a WebP file holds a lossless bitstream: a `VP8L` chunk (simple format, or inside the
 * extended `VP8X` one). Lossy WebP is `VP8 ` (with `ALPH` when it has transparency). sharp's
 * metadata does not tell.
 */
export async function isLosslessWebp(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return webpHasLosslessChunk(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function webpHasLosslessChunk(bytes: Buffer): boolean {
  if (bytes.toString("latin1", 0, 4) !== "RIFF" || bytes.toString("latin1", 8, 12) !== "WEBP") return false;
  // Chunks: fourCC, little-endian size, data padded to an even length.
  for (let at = 12; at + 8 <= bytes.length;) {
    const fourCC = bytes.toString("latin1", at, at + 4);
    if (fourCC === "VP8L") return true;
    if (fourCC === "VP8 ") return false;
    const size = bytes.readUInt32LE(at + 4);
    at += 8 + size + (size % 2);
  }
  return false;
}

/**
 * A 480-pixel WebP for lists and slow connections, written aside then moved into place. Best
 * effort: without one, `/files/{sha}?preview=1` sends the full image.
 */
export async function makePreview(source: string, target: string): Promise<void> {
  const partial = `${target}.${randomUUID()}`;
  await imageJobs(() =>
    sharp(source, { limitInputPixels: MAX_PIXELS })
      .resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toFile(partial),
  )
    .then(() => fs.promises.rename(partial, target))
    .catch(() => fs.promises.rm(partial, { force: true }));
}
