import "server-only";
import type { Viewer } from "../access";
import { complianceRate, shiftDate } from "../rules";
import { countsAtDays, periodTallies, type FigureScope } from "./aggregates";

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

/**
 * Compliance rate as things stood at the end of each month, from history: the one-off
 * commitments in one query, the recurring ones' periods elapsed by each month's end beside it.
 */
export function monthlyCompliance(viewer: Viewer, scope: Omit<FigureScope, "asOf">, day: string) {
  const ends = monthEnds(day);
  const counts = countsAtDays(
    viewer,
    scope,
    ends.map((m) => m.end),
  );
  return ends.map(({ month, end }, i) => {
    const periods = periodTallies(viewer, { ...scope, asOf: end }, "all").get(0);
    return {
      month,
      complianceRate: complianceRate({
        rated: {
          fulfilled: counts[i].fulfilled + (periods?.fulfilled ?? 0),
          broken: counts[i].broken + (periods?.broken ?? 0),
          overdue: counts[i].overdue + (periods?.overdue ?? 0),
        },
      }),
    };
  });
}
