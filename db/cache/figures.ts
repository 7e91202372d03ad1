import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_cache } from "next/cache";
import type { Viewer } from "../access";
import { referenceDay } from "../queries/aggregates";
import { tagsForScope } from "./tags";

// Next.js keeps the data cache on disk across restarts, and a restart may come with another
// database (a restore, the e2e run's fresh one): entries of an earlier process are never read.
const PROCESS = randomUUID();

/** What decides which commitments a viewer's figures count (CONTRACT §2). */
function visibilityKey(viewer: Viewer): string {
  if (!viewer) return "public";
  if (viewer.role === "admin") return "admin";
  return `mesas:${[...viewer.mesaIds].sort((a, b) => a - b).join(",")}`;
}

/**
 * Caches a computation of public figures for everyone who sees the same commitments, for the
 * day it is made for (overdue changes at midnight in APP_TIMEZONE), tagged with the mesa and
 * party it covers so that writes expire only what they change (./tags.ts). The result must be
 * plain JSON. Unit tests and scripts run outside Next.js and compute directly.
 */
export function cachedFigures<T>(
  name: string,
  viewer: Viewer,
  scope: { mesaId?: number; partyId?: number; theme?: string; asOf?: string },
  compute: () => T,
): Promise<T> {
  if (!process.env.NEXT_RUNTIME) return Promise.resolve(compute());
  const key = [name, PROCESS, visibilityKey(viewer), JSON.stringify(scope), referenceDay(scope.asOf)];
  return unstable_cache(async () => compute(), key, { tags: tagsForScope(scope) })();
}
