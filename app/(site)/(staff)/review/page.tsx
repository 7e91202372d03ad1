import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { FileMetadataWarning } from "@/components/review/file-metadata-warning";
import { ReviewCounts } from "@/components/review/review-counts";
import { ReviewForm } from "@/components/review/review-form";
import { ExternalLink } from "@/components/ui/external-link";
import { StatusBadge } from "@/components/ui/badges";
import { EVIDENCE_STATUSES } from "@/db/enums";
import { Pagination } from "@/components/ui/pagination";
import { firstValues, pageParamSchema, parseLeniently } from "@/db/queries/filters";
import { listEvidenceToReview, REVIEW_PAGE_SIZE, reviewQueueCounts, type EvidenceToReview } from "@/db/queries/review";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../guard";
import { reviewEvidenceAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.review.title };
}

/** `superseded` needs a replacement commitment, which only the commitment's status form asks for. */

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The queue of submitted evidence on the viewer's mesas (commissioners and admins). */
export default async function ReviewPage({ searchParams }: Props) {
  const viewer = await requirePageViewer("/review");
  if (viewer.role !== "commissioner" && viewer.role !== "admin") forbidden();
  const [{ m, f }, raw] = await Promise.all([getI18n(), searchParams]);
  const { result } = raw;
  const { page } = parseLeniently(pageParamSchema, firstValues(raw));
  const { items: queue, total } = listEvidenceToReview(viewer, page);
  const r = m.review;

  return (
    <>
      <h1>{r.title}</h1>
      <p className="lead">{r.intro}</p>
      <Outcome result={result} m={m} />
      <ReviewCounts initial={reviewQueueCounts(viewer)} listed={total} m={r} />
      {total > 0 && (
        <>
          <ol className="timeline">
            {queue.map((item) => (
              <li key={item.id}>
                <QueueItem item={item} m={m} f={f} />
              </li>
            ))}
          </ol>
          <Pagination
            path="/review"
            params={{}}
            page={page}
            pageSize={REVIEW_PAGE_SIZE}
            total={total}
            m={m.pagination}
          />
        </>
      )}
    </>
  );
}

/** What happened to the last review; the reviewed item has left the queue, so the page says it. */
function Outcome({ result, m }: { result: string | string[] | undefined; m: Messages }) {
  const r = m.review;
  if (result === "accepted" || result === "rejected") {
    return (
      <p role="status" className="form-ok">
        {result === "accepted" ? r.savedAccepted : r.savedRejected}
      </p>
    );
  }
  if (result === "conflict") {
    return (
      <p role="status" className="form-error">
        {r.conflict}
      </p>
    );
  }
  return null;
}

function QueueItem({ item, m, f }: { item: EvidenceToReview; m: Messages; f: Formatter }) {
  const r = m.review;
  const headingId = `e${item.id}-heading`;
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link href={`/commitments/${item.commitment.id}`}>
          {item.commitment.code} — {item.commitment.title}
        </Link>
      </h2>
      <dl className="facts">
        <dt>{r.mesa}</dt>
        <dd>
          <Link href={`/mesas/${item.mesa.slug}`}>{item.mesa.name}</Link>
        </dd>
        <dt>{r.currentStatus}</dt>
        <dd>
          <StatusBadge status={item.commitment.status} label={m.status[item.commitment.status]} />
        </dd>
        <dt>{r.observedOn}</dt>
        <dd>{f.date(item.observedOn)}</dd>
        <dt>{r.kind}</dt>
        <dd>{m.evidenceKind[item.kind]}</dd>
        <dt>{r.suggests}</dt>
        <dd>{item.suggestedStatus ? m.status[item.suggestedStatus] : r.noSuggestion}</dd>
        <dt>{r.submittedBy}</dt>
        <dd>{item.submittedBy}</dd>
        <dt>{r.submittedAt}</dt>
        <dd>{f.dateTime(item.submittedAt)}</dd>
      </dl>
      <p>{item.summary}</p>
      {item.sourceUrl && (
        <p>
          <ExternalLink href={item.sourceUrl} label={r.source} />
        </p>
      )}
      {item.files.length > 0 && (
        <>
          <h3>{r.files}</h3>
          <ul>
            {item.files.map((file) => (
              <li key={file.sha256}>
                {file.mimeType.startsWith("image/") && (
                  <p>
                    <a href={`/files/${file.sha256}`}>
                      {/* NOTE: a plain <img>: next/image would need `images.localPatterns` for the
                          `?preview=1` query, and the route already serves a small preview. */}
                      {/* eslint-disable-next-line @next/next/no-img-element */}
                      <img
                        src={`/files/${file.sha256}?preview=1`}
                        alt={fill(r.preview, { name: file.name })}
                        width={160}
                        loading="lazy"
                        style={{ height: "auto" }}
                      />
                    </a>
                  </p>
                )}
                <a href={`/files/${file.sha256}`}>{file.name}</a> <code>SHA-256 {file.sha256}</code>
                <FileMetadataWarning mimeType={file.mimeType} findings={file.metadata} m={m.fileMetadata} />
              </li>
            ))}
          </ul>
        </>
      )}
      <ReviewForm
        action={reviewEvidenceAction.bind(null, item.id)}
        evidenceId={item.id}
        statuses={EVIDENCE_STATUSES}
        labelledBy={headingId}
        m={m}
      />
    </article>
  );
}
