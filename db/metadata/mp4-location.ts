import fs from "node:fs";
import { formatCoordinates, type MetadataFinding } from "./findings";

// Where an M4A was recorded, read from the atoms phones write and music-metadata does not read:
// QuickTime's ©xyz user data (iPhone), the same as an iTunes-style item, Apple's
// `com.apple.quicktime.location.ISO6709` keyed item, and 3GPP's `loci` (Android).
// Read only: the file is never rewritten.

type Box = { type: string; start: number; end: number };

/** Boxes that hold other boxes on the way to the metadata. */
const CONTAINERS = new Set(["moov", "trak", "udta", "meta", "ilst"]);
const ISO6709_KEY = "com.apple.quicktime.location.ISO6709";

/** The location findings of an MP4 file; none when it has none or cannot be read. */
export async function mp4Locations(file: string): Promise<MetadataFinding[]> {
  const movie = await readMovieBox(file).catch(() => null);
  if (!movie) return [];
  const values: string[] = [];
  try {
    walk(movie, 0, movie.length, values);
  } catch {
    // A malformed box ends the walk; what was found before it is still reported.
  }
  return values.filter(Boolean).map((value) => ({ type: "gps", value: coordinates(value), in: "file" }));
}

/** The top-level `moov` box's payload (its position varies: before or after the audio data). */
async function readMovieBox(file: string): Promise<Buffer | null> {
  const handle = await fs.promises.open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    for (let position = 0; position + 8 <= fileSize;) {
      await handle.read(header, 0, 16, position);
      let size = header.readUInt32BE(0);
      let headerSize = 8;
      if (size === 1) {
        size = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (size === 0) size = fileSize - position;
      if (size < headerSize || position + size > fileSize) return null;
      if (header.toString("latin1", 4, 8) === "moov") {
        const movie = Buffer.alloc(size - headerSize);
        await handle.read(movie, 0, movie.length, position + headerSize);
        return movie;
      }
      position += size;
    }
    return null;
  } finally {
    await handle.close();
  }
}

function* boxes(buffer: Buffer, start: number, end: number): Generator<Box> {
  for (let position = start; position + 8 <= end;) {
    let size = buffer.readUInt32BE(position);
    let headerSize = 8;
    if (size === 1) {
      if (position + 16 > end) return;
      size = Number(buffer.readBigUInt64BE(position + 8));
      headerSize = 16;
    } else if (size === 0) size = end - position;
    if (size < headerSize || position + size > end) return;
    yield {
      type: buffer.toString("latin1", position + 4, position + 8),
      start: position + headerSize,
      end: position + size,
    };
    position += size;
  }
}

function walk(buffer: Buffer, start: number, end: number, found: string[], keys: string[] = []): void {
  const children = [...boxes(buffer, start, end)];
  // A `keys` box names the items of the `ilst` beside it by their 1-based index.
  const keyBox = children.find((box) => box.type === "keys");
  const itemKeys = keyBox ? readKeys(buffer, keyBox) : keys;
  for (const box of children) {
    if (box.type === "©xyz") found.push(dataText(buffer, box) ?? userDataText(buffer, box));
    else if (box.type === "loci") found.push(loci(buffer, box));
    else if (itemKeys.length > 0 && box.end - box.start >= 8 && isIndexedItem(box, itemKeys, buffer)) {
      found.push(dataText(buffer, box) ?? "");
    } else if (CONTAINERS.has(box.type)) {
      // ISO's `meta` is a full box (4 bytes of version and flags); QuickTime's is not.
      const skip = box.type === "meta" && buffer.toString("latin1", box.start + 4, box.start + 8) !== "hdlr" ? 4 : 0;
      walk(buffer, box.start + skip, box.end, found, itemKeys);
    }
  }
}

/** An `ilst` item whose 4-byte type is the index of the location key. */
function isIndexedItem(box: Box, keys: string[], buffer: Buffer): boolean {
  const index = buffer.readUInt32BE(box.start - 4);
  return keys[index - 1] === ISO6709_KEY;
}

function readKeys(buffer: Buffer, box: Box): string[] {
  const keys: string[] = [];
  const count = buffer.readUInt32BE(box.start + 4);
  let position = box.start + 8;
  for (let i = 0; i < count && position + 8 <= box.end; i++) {
    const size = buffer.readUInt32BE(position);
    if (size < 8 || position + size > box.end) break;
    keys.push(buffer.toString("utf8", position + 8, position + size));
    position += size;
  }
  return keys;
}

/** An item's `data` box: type (4 bytes), locale (4 bytes), then the text. */
function dataText(buffer: Buffer, box: Box): string | undefined {
  const data = [...boxes(buffer, box.start, box.end)].find((child) => child.type === "data");
  return data && data.end - data.start >= 8 ? buffer.toString("utf8", data.start + 8, data.end) : undefined;
}

/** QuickTime user data text: length (2 bytes), language (2 bytes), then the text. */
function userDataText(buffer: Buffer, box: Box): string {
  if (box.end - box.start < 4) return "";
  const length = buffer.readUInt16BE(box.start);
  return buffer.toString("utf8", box.start + 4, Math.min(box.end, box.start + 4 + length));
}

/** 3GPP location (TS 26.244): a name, then longitude, latitude, altitude as 16.16 fixed point. */
function loci(buffer: Buffer, box: Box): string {
  const nameEnd = buffer.indexOf(0, box.start + 6);
  const at = nameEnd + 2;
  if (nameEnd < 0 || at + 8 > box.end) return "";
  return formatCoordinates(buffer.readInt32BE(at + 4) / 65536, buffer.readInt32BE(at) / 65536);
}

/** ISO 6709 "+12.3456-076.5432+100.000/" → "12.34560, -76.54320"; anything else as written. */
function coordinates(value: string): string {
  const match = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(value.trim());
  return match ? formatCoordinates(Number(match[1]), Number(match[2])) : value.trim().slice(0, 200);
}
