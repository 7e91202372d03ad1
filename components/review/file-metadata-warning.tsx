import type { MetadataFinding } from "@/db/metadata/findings";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * What a stored file still carries (author, GPS position…), shown to staff before they accept
 * the evidence, since accepting publishes the file as it is. `findings` is undefined where the
 * viewer is not staff (nothing shown), null for a file stored before files were checked.
 */
export function FileMetadataWarning({
  mimeType,
  findings,
  m,
}: {
  mimeType: string;
  findings: MetadataFinding[] | null | undefined;
  m: Messages["fileMetadata"];
}) {
  if (findings === undefined) return null;
  if (findings === null) {
    // Photos were always re-encoded without metadata; only other files may carry some unseen.
    return mimeType.startsWith("image/") ? null : <p className="metadata-warning">{m.unchecked}</p>;
  }
  const kept = findings.find((f) => f.type === "kept");
  const listed = findings.flatMap((f) => {
    const line = describe(f, m);
    return line ? [line] : [];
  });
  if (!kept && listed.length === 0) return null;
  const kind = mimeType === "application/pdf" ? "pdf" : mimeType.startsWith("audio/") ? "audio" : "image";
  return (
    <div className="metadata-warning" role="note">
      {kept && <p>{m.kept[kept.reason]}</p>}
      {listed.length > 0 && (
        <>
          <p>{m.heading[kind]}</p>
          <ul>
            {listed.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>{m.publishes}</p>
    </div>
  );
}

function describe(finding: MetadataFinding, m: Messages["fileMetadata"]): string | null {
  const inImage = (text: string) =>
    "in" in finding && finding.in === "image" ? fill(m.inImage, { finding: text }) : text;
  switch (finding.type) {
    case "field":
      return inImage(fill(m.fieldValue, { field: m.field[finding.field], value: finding.value }));
    case "gps":
      return inImage(fill(m.gps, { value: finding.value }));
    case "xmp":
      return inImage(m.xmp);
    case "attachments":
      return fill(m.attachments, { n: finding.count });
    case "picture":
      return m.picture;
    case "kept":
      return null;
  }
}
