import fs from "node:fs";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
} from "pdf-lib";
import { fieldFinding, type MetadataField, type MetadataFinding } from "./findings";
import { imageFindings } from "./image";

const name = (key: string) => PDFName.of(key);

/** The document information dictionary's entries worth showing (PDF 32000-1, 14.3.3). */
const INFO_FIELDS: [string, MetadataField][] = [
  ["Title", "title"],
  ["Author", "author"],
  ["Subject", "subject"],
  ["Keywords", "keywords"],
  ["Creator", "creator"],
  ["Producer", "producer"],
  ["CreationDate", "created"],
];

/** Keys that hold only information about the document, never what it shows (14.3.2, 14.5). */
const METADATA_KEYS = ["Metadata", "PieceInfo"];

/** Markup annotations, whose /T is the name of the comment's author (12.5.6.2). */
const MARKUP = new Set(
  "Text FreeText Line Square Circle Polygon PolyLine Highlight Underline Squiggly StrikeOut Stamp Caret Ink FileAttachment Sound Redact".split(
    " ",
  ),
);

/** Enough photos of a scanned acta to find a position; a hostile file may hold thousands. */
const MAX_IMAGES = 300;

/**
 * Removes a PDF's document information (author, software, dates) and its XMP metadata streams,
 * rewriting the file in place, and returns what it still carries (photos with EXIF positions,
 * attachments, comment authors). A PDF that is signed (rewriting would void the signature),
 * encrypted, unreadable, or that would grow past `maxBytes` is kept unchanged, and its findings
 * say so and list its metadata.
 */
export async function cleanPdf(file: string, maxBytes: number): Promise<MetadataFinding[]> {
  let doc: PDFDocument;
  try {
    // updateMetadata: false, or pdf-lib would write its own Producer and dates into the file.
    doc = await PDFDocument.load(await fs.promises.readFile(file), {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
    // pdf-lib loads what it can: a file without a page tree would be rewritten as an empty shell.
    if (!doc.isEncrypted && doc.getPageCount() === 0) throw new Error("no pages");
  } catch {
    return [{ type: "kept", reason: "unreadable" }];
  }
  if (doc.isEncrypted) return [{ type: "kept", reason: "encrypted" }];
  const context = doc.context;
  const carried = await carriedFindings(context);
  const documentInfo = infoFindings(context);
  if (isSigned(context)) return [{ type: "kept", reason: "signed" }, ...documentInfo, ...carried];

  let cleaned: Uint8Array;
  try {
    removeDocumentMetadata(context);
    // Not adding a page to an empty document, nor redrawing form fields: the content stays as sent.
    cleaned = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  } catch {
    return [{ type: "kept", reason: "unreadable" }, ...documentInfo, ...carried];
  }
  if (cleaned.length > maxBytes) return [{ type: "kept", reason: "too_large" }, ...documentInfo, ...carried];
  const partial = `${file}.clean`;
  try {
    await fs.promises.writeFile(partial, cleaned);
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  return carried;
}

function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** The information dictionary's fields, and whether the document has an XMP stream. */
function infoFindings(context: PDFContext): MetadataFinding[] {
  const info = context.lookup(context.trailerInfo.Info);
  const catalog = context.lookup(context.trailerInfo.Root);
  const fields =
    info instanceof PDFDict
      ? INFO_FIELDS.flatMap(([key, field]) => {
          const value = text(info.lookup(name(key)));
          return fieldFinding(field, field === "created" ? pdfDate(value) : value);
        })
      : [];
  const xmp = catalog instanceof PDFDict && catalog.has(name("Metadata"));
  return [...fields, ...(xmp ? [{ type: "xmp", in: "file" } as const] : [])];
}

/** "D:20260301120000-05'00'" → "2026-03-01". */
function pdfDate(value: string | undefined): string | undefined {
  const match = value && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value);
  return match ? [match[1], match[2], match[3]].filter(Boolean).join("-") : value;
}

/** Every dictionary of the file, the direct ones inside objects included. */
function* dictionaries(context: PDFContext): Generator<PDFDict> {
  const stack: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFStream) stack.push(object.dict);
    else if (object instanceof PDFArray) stack.push(...object.asArray());
    else if (object instanceof PDFDict) {
      yield object;
      stack.push(...object.values());
    }
  }
}

/** A signature dictionary (12.8.1) anywhere: rewriting the file would invalidate it. */
function isSigned(context: PDFContext): boolean {
  for (const dict of dictionaries(context)) if (dict.has(name("ByteRange"))) return true;
  return false;
}

/** What stays in the file after its document metadata is gone. */
async function carriedFindings(context: PDFContext): Promise<MetadataFinding[]> {
  const findings: MetadataFinding[] = [];
  let attachments = 0;
  for (const dict of dictionaries(context)) {
    // A file specification with an embedded file stream (7.11.4): any file, its metadata unknown.
    if (dict.has(name("EF"))) attachments += 1;
    const subtype = dict.get(name("Subtype"));
    if (subtype instanceof PDFName && MARKUP.has(subtype.decodeText())) {
      findings.push(...fieldFinding("author", text(dict.lookup(name("T")))));
    }
  }
  if (attachments > 0) findings.push({ type: "attachments", count: attachments });
  for (const photo of embeddedJpegs(context).slice(0, MAX_IMAGES)) {
    findings.push(...(await imageFindings(photo, "image")));
  }
  return findings;
}

/** Images stored as whole JPEG files (DCTDecode), which keep their EXIF block inside the PDF. */
function embeddedJpegs(context: PDFContext): Buffer[] {
  return context.enumerateIndirectObjects().flatMap(([, object]) => {
    if (!(object instanceof PDFRawStream) || object.dict.get(name("Subtype")) !== name("Image")) return [];
    const filter = object.dict.lookup(name("Filter"));
    const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
    if (filters.length !== 1 || filters[0] !== name("DCTDecode")) return [];
    const bytes = object.contents;
    return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
  });
}

/**
 * Drops the information dictionary and every XMP and private-data entry, then every object no
 * longer reachable from the catalog: older revisions of the metadata (incremental updates) and
 * the removed streams would otherwise still be written out.
 */
function removeDocumentMetadata(context: PDFContext): void {
  context.trailerInfo.Info = undefined;
  for (const dict of dictionaries(context)) for (const key of METADATA_KEYS) dict.delete(name(key));
  const reachable = new Set<string>();
  const stack: PDFObject[] = [context.trailerInfo.Root].filter((o): o is PDFObject => o !== undefined);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object.tag)) continue;
      reachable.add(object.tag);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFStream) stack.push(object.dict);
    else if (object instanceof PDFArray) stack.push(...object.asArray());
    else if (object instanceof PDFDict) stack.push(...object.values());
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref.tag)) context.delete(ref);
}
