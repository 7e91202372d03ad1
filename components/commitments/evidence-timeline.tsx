import { FileMetadataWarning } from "@/components/review/file-metadata-warning";
import { ExternalLink } from "@/components/ui/external-link";
import type { EvidenceDto } from "@/db/queries/commitment-detail";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

export function EvidenceTimeline({ evidence, m, f }: { evidence: EvidenceDto[]; m: Messages; f: Formatter }) {
  if (evidence.length === 0) return <p>{m.commitment.noEvidence}</p>;
  return (
    <ol className="timeline" data-testid="evidence-timeline">
      {evidence.map((e) => (
        <li key={e.id}>
          <h3>
            {m.evidenceKind[e.kind]} — {m.commitment.observedOn} {f.date(e.observedOn)}
          </h3>
          <p>{e.summary}</p>
          <p className="muted">
            {m.reviewState[e.reviewState]}
            {e.suggestedStatus && ` · ${m.commitment.suggests}: ${m.status[e.suggestedStatus]}`}
            {e.submittedBy && ` · ${m.commitment.submittedBy}: ${e.submittedBy}`}
          </p>
          {e.reviewNote && (
            <p>
              {m.commitment.reviewNote}: {e.reviewNote}
            </p>
          )}
          {e.sourceUrl && (
            <p>
              <ExternalLink href={e.sourceUrl} label={m.commitment.source} />
            </p>
          )}
          {e.files.length > 0 && (
            <ul>
              {e.files.map((file) => (
                <li key={file.sha256}>
                  {file.mimeType.startsWith("image/") && (
                    // eslint-disable-next-line @next/next/no-img-element -- a stored preview, not a static asset
                    <img
                      src={`/files/${file.sha256}?preview=1`}
                      alt={file.name}
                      className="evidence-thumb"
                      loading="lazy"
                    />
                  )}
                  <a href={`/files/${file.sha256}`}>
                    {m.commitment.file}: {file.name}
                  </a>{" "}
                  <code className="hash">SHA-256 {file.sha256}</code>
                  <FileMetadataWarning mimeType={file.mimeType} findings={file.metadata} m={m.fileMetadata} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
