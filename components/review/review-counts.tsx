"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { reviewCountsQuery } from "@/components/query/queries";
import type { ReviewQueueCounts } from "@/db/queries/review";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * How much evidence waits for review, kept fresh (reviewCountsQuery: every minute, and from the
 * page's own render after each review). `listed`: the queue's size when the server rendered the list below; when the count moves
 * away from it (a monitor sent more, a colleague reviewed some), a button brings the list up to date.
 */
export function ReviewCounts({
  initial,
  listed,
  m,
}: {
  initial: ReviewQueueCounts;
  listed: number;
  m: Messages["review"];
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, isFetching } = useQuery({ ...reviewCountsQuery(), initialData: initial });
  // Each render of the page (after a review, a refresh) brings the server's count: it wins.
  useEffect(() => {
    queryClient.setQueryData(reviewCountsQuery().queryKey, initial);
  }, [initial, queryClient]);

  return (
    <div className="review-counts">
      <p role="status" aria-live="polite">
        {data.total === 0 ? m.empty : fill(m.count, { n: data.total })}
      </p>
      {data.byMesa.length > 1 && (
        <ul aria-label={m.byMesa}>
          {data.byMesa.map((mesa) => (
            <li key={mesa.slug}>{fill(m.waitingOn, { mesa: mesa.name, n: mesa.waiting })}</li>
          ))}
        </ul>
      )}
      {/* Not while a refetch is under way: right after a review the list is new and the count not yet. */}
      {!isFetching && data.total !== listed && (
        <button type="button" className="button" onClick={() => router.refresh()}>
          {m.refreshList}
        </button>
      )}
    </div>
  );
}
