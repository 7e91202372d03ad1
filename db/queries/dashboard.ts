import "server-only";
import type { Viewer } from "../access";
import { referenceDay } from "./aggregates";
import { getChanges } from "./changes";
import type { DashboardView } from "./filters";
import { findMesaId } from "./mesas";
import { findPartyId } from "./scope";
import { getStats } from "./stats";

/**
 * What a dashboard page renders first, for the view in its URL: the figures (and what changed,
 * with `since`) exactly as the client would fetch them from /api/v1/stats and /api/v1/changes.
 * A slug that names nothing is dropped, as pages drop any bad filter.
 */
export async function loadDashboard(viewer: Viewer, view: DashboardView) {
  const mesaId = view.mesa === undefined ? undefined : findMesaId(view.mesa);
  const partyId = view.party === undefined ? undefined : findPartyId(view.party);
  const scope = { mesaId, partyId, theme: view.theme };
  const statsParams = {
    mesa: mesaId === undefined ? undefined : view.mesa,
    party: partyId === undefined ? undefined : view.party,
    theme: view.theme,
    asOf: view.asOf,
  };
  const to = referenceDay(view.asOf);
  const [stats, changes] = await Promise.all([
    getStats(viewer, { ...scope, asOf: view.asOf }),
    view.since && view.since <= to ? getChanges(viewer, scope, view.since, to) : null,
  ]);
  return { stats, statsParams, changes };
}
