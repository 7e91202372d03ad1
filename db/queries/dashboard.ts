import "server-only";
import type { Viewer } from "../access";
import { CommandError } from "../commands/errors";
import { referenceDay } from "./aggregates";
import { getChanges } from "./changes";
import type { DashboardView } from "./filters";
import { resolveScope } from "./scope";
import { getStats } from "./stats";

/**
 * What a dashboard page renders first, for the view in its URL: the figures (and what changed,
 * with `since`) exactly as the client would fetch them from /api/v1/stats and /api/v1/changes.
 * A slug that names nothing is dropped, as pages drop any bad filter.
 */
export async function loadDashboard(viewer: Viewer, view: DashboardView) {
  const params = { mesa: view.mesa, party: view.party, theme: view.theme };
  for (const key of ["mesa", "party"] as const) {
    try {
      resolveScope({ [key]: params[key] });
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      params[key] = undefined;
    }
  }
  const scope = resolveScope(params);
  const statsParams = { ...params, asOf: view.asOf };
  const to = referenceDay(view.asOf);
  const [stats, changes] = await Promise.all([
    getStats(viewer, resolveScope(statsParams)),
    view.since && view.since <= to ? getChanges(viewer, scope, view.since, to) : null,
  ]);
  return { stats, statsParams, changes };
}
