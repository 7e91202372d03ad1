import { queryOptions } from "@tanstack/react-query";
import type { Theme } from "@/db/enums";
import type { Changes } from "@/db/queries/changes";
import type { MonitorPage } from "@/db/queries/monitor";
import type { ReviewQueueCounts } from "@/db/queries/review";
import type { Stats } from "@/db/queries/stats";

// Every query the browser makes for server state: its key and how it is fetched, in one place,
// so that a server-rendered first view and the client's later fetches share one cache entry.

/** The filters of a dashboard (CONTRACT §5 `/stats`), as they appear in the URL. */
export type DashboardParams = { mesa?: string; party?: string; theme?: Theme; asOf?: string };

/** The query string of a params object, without empty values, in a stable order. */
export function searchOf(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

async function getJson<T>(path: string, params: Record<string, string | number | boolean | undefined>): Promise<T> {
  const search = searchOf(params);
  const response = await fetch(search ? `${path}?${search}` : path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** "What changed" between `from` and `to` (or today) in a dashboard's scope. */
export type ChangesParams = Omit<DashboardParams, "asOf"> & { from: string; to?: string };

export const changesQuery = (params: ChangesParams) =>
  queryOptions({
    queryKey: ["changes", params] as const,
    queryFn: () => getJson<Changes>("/api/v1/changes", params),
  });

export const statsQuery = (params: DashboardParams) =>
  queryOptions({
    queryKey: ["stats", params] as const,
    queryFn: () => getJson<Stats>("/api/v1/stats", params),
  });

/** Every query of `/monitor`, to invalidate at once when the outbox delivers a submission. */
export const monitorKey = ["monitor"] as const;

/**
 * A page of the monitor's work list. Offline, a refetch waits for the connection (TanStack's
 * default network mode) and a failed one keeps the data shown: the page is never emptied.
 */
export const monitorListQuery = (page: number) =>
  queryOptions({
    queryKey: [...monitorKey, "list", page] as const,
    queryFn: () => getJson<MonitorPage>("/api/v1/monitor", { page }),
    // A phone coming back to the page after a while: what was reviewed meanwhile.
    refetchOnWindowFocus: true,
  });

/** The review queue's counter: refetched every minute while the page is in view, and after a review. */
export const reviewCountsQuery = () =>
  queryOptions({
    queryKey: ["review", "counts"] as const,
    queryFn: () => getJson<ReviewQueueCounts>("/api/v1/review/counts", {}),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
