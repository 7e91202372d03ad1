import "server-only";
import type { Viewer } from "../access";
import { complianceRate, shiftDate, tally } from "../rules";
import { factsAsOf, loadTimeline, type FactScope } from "./facts";

const MONTHS = 12;

/** The last day of each of the twelve months up to `day`'s month (that month ends at `day`). */
export function monthEnds(day: string, months = MONTHS): { month: string; end: string }[] {
  const result: { month: string; end: string }[] = [];
  let end = day;
  for (let i = 0; i < months; i++) {
    result.unshift({ month: end.slice(0, 7), end });
    end = shiftDate(`${end.slice(0, 7)}-01`, -1);
  }
  return result;
}

/** Compliance rate as things stood at the end of each month, rebuilt from history. */
export function monthlyCompliance(viewer: Viewer, scope: FactScope, day: string) {
  const timeline = loadTimeline(viewer, scope);
  return monthEnds(day).map(({ month, end }) => ({
    month,
    complianceRate: complianceRate(tally(factsAsOf(timeline, end), end)),
  }));
}
