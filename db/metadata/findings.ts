import { z } from "zod";

// What a stored evidence file still carries besides its content (issue 11, item 5): computed at
// upload on the stored bytes, kept in `files.metadata_findings`, shown to staff before they
// accept evidence (acceptance publishes the file as it is).

/** Text fields a document, an audio tag or an embedded photo may carry. */
export const METADATA_FIELDS = [
  "title",
  "author",
  "subject",
  "keywords",
  "creator",
  "producer",
  "created",
  "artist",
  "album",
  "comment",
  "date",
  "encoder",
  "camera",
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** Where a finding sits: in the file itself or in an image inside it (a PDF's page, a cover). */
const where = z.enum(["file", "image"]);

/** Why a PDF was stored unchanged, with its metadata. */
export const KEPT_REASONS = ["signed", "encrypted", "unreadable", "too_large"] as const;

export const metadataFindingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("field"), field: z.enum(METADATA_FIELDS), value: z.string(), in: where }),
  z.object({ type: z.literal("gps"), value: z.string(), in: where }),
  z.object({ type: z.literal("xmp"), in: where }),
  z.object({ type: z.literal("attachments"), count: z.number().int().positive() }),
  z.object({ type: z.literal("picture") }),
  z.object({ type: z.literal("kept"), reason: z.enum(KEPT_REASONS) }),
]);
export type MetadataFinding = z.output<typeof metadataFindingSchema>;

/** Findings are short: a value is cut so a hostile file cannot fill the page. */
const MAX_VALUE = 200;
/** And few: repeated images with the same camera count once, and the list stops here. */
const MAX_FINDINGS = 30;

/** A text finding, or none when the value is empty. */
export function fieldFinding(
  field: MetadataField,
  value: unknown,
  inWhat: "file" | "image" = "file",
): MetadataFinding[] {
  const text = typeof value === "string" ? value : value instanceof Date ? value.toISOString().slice(0, 10) : "";
  // Control characters (a NUL-padded tag) say nothing to a reviewer.
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clean ? [{ type: "field", field, value: clean.slice(0, MAX_VALUE), in: inWhat }] : [];
}

/** Without repeats, at most MAX_FINDINGS. */
export function distinctFindings(findings: MetadataFinding[]): MetadataFinding[] {
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = JSON.stringify(finding);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_FINDINGS);
}

/** "-13.12345, -72.34567" from decimal degrees. */
export function formatCoordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`;
}
