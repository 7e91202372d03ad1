import "server-only";
import { audioFindings } from "./metadata/audio";
import { distinctFindings, type MetadataFinding } from "./metadata/findings";
import { imageFindings } from "./metadata/image";
import { cleanPdf } from "./metadata/pdf";

export type { MetadataFinding };

/**
 * Removes from a received file the metadata that can be removed without touching its content
 * (a PDF's author, software and XMP), in place, before it is hashed: the published SHA-256 is
 * that of the cleaned file. Returns what the file still carries, for the reviewer to see before
 * accepting (acceptance publishes it). Photos arrive here already re-encoded without metadata.
 */
export async function cleanFileMetadata(file: string, mimeType: string, maxBytes: number): Promise<MetadataFinding[]> {
  let findings: MetadataFinding[];
  if (mimeType === "application/pdf") findings = await cleanPdf(file, maxBytes);
  else if (mimeType.startsWith("audio/")) findings = await audioFindings(file, mimeType);
  else findings = await imageFindings(file, "file");
  return distinctFindings(findings);
}
