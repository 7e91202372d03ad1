import { parseFile } from "music-metadata";
import { fieldFinding, type MetadataFinding } from "./findings";
import { imageFindings } from "./image";
import { mp4Locations } from "./mp4-location";

/**
 * The tags an audio file carries (ID3v1/v2, APE, iTunes atoms, Vorbis comments), read with
 * music-metadata, and for M4A the location atoms it does not read (an iPhone's ©xyz). Audio is
 * not rewritten: no well-kept library writes all these formats, and a hand-made rewriter could
 * damage a recording that is evidence; the reviewer sees the findings instead.
 */
export async function audioFindings(file: string, mimeType: string): Promise<MetadataFinding[]> {
  const findings: MetadataFinding[] = [];
  const parsed = await parseFile(file, { duration: false }).catch(() => null);
  if (parsed) {
    const tags = parsed.common;
    findings.push(
      ...fieldFinding("title", tags.title),
      ...fieldFinding("artist", tags.artist),
      ...fieldFinding("album", tags.album),
      ...(tags.comment ?? []).flatMap((comment) => fieldFinding("comment", comment.text)),
      ...fieldFinding("date", tags.date ?? (tags.year ? String(tags.year) : undefined)),
      ...fieldFinding("encoder", tags.encodedby ?? tags.encodersettings),
    );
    for (const picture of tags.picture ?? []) {
      findings.push({ type: "picture" }, ...(await imageFindings(Buffer.from(picture.data), "image")));
    }
  }
  if (mimeType === "audio/mp4") findings.push(...(await mp4Locations(file)));
  return findings;
}
