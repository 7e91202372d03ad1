import { addMonths, format } from "date-fns";
import { isOverdue } from "./rules";
import type { PeriodStatus, RecurrenceEvery } from "./enums";

// Recurring commitments (CONTRACT §1): the periods of a recurrence are not stored; they follow
// from it and the day. Pure rules, the definition that the SQL counting is tested against.

export type Recurrence = { every: RecurrenceEvery; startsOn: string; endsOn: string | null };
export type Period = { n: number; startsOn: string; endsOn: string; dueOn: string };

const MONTHS: Record<RecurrenceEvery, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const parse = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d);
};
const iso = (date: Date) => format(date, "yyyy-MM-dd");

/**
 * The first day of period `n` (1-based), counted from the recurrence's start each time, so that a
 * start on the 31st falls on a shorter month's last day and returns to the 31st after it.
 */
export function periodStart(recurrence: Recurrence, n: number): string {
  return iso(addMonths(parse(recurrence.startsOn), (n - 1) * MONTHS[recurrence.every]));
}

/** The last day of period `n`: the day before the next one starts, or the recurrence's end. */
export function periodEnd(recurrence: Recurrence, n: number): string {
  const next = addMonths(parse(recurrence.startsOn), n * MONTHS[recurrence.every]);
  next.setDate(next.getDate() - 1);
  const end = iso(next);
  return recurrence.endsOn !== null && recurrence.endsOn < end ? recurrence.endsOn : end;
}

/** How many periods have started by `day` (inclusive), within the recurrence's end. */
export function elapsedCount(recurrence: Recurrence, day: string): number {
  const last = recurrence.endsOn !== null && recurrence.endsOn < day ? recurrence.endsOn : day;
  if (last < recurrence.startsOn) return 0;
  const [y0, m0] = recurrence.startsOn.split("-").map(Number);
  const [y1, m1] = last.split("-").map(Number);
  // A first guess from the months between, corrected by at most one period either way.
  let n = Math.floor(((y1 - y0) * 12 + (m1 - m0)) / MONTHS[recurrence.every]) + 1;
  while (n > 1 && periodStart(recurrence, n) > last) n--;
  while (periodStart(recurrence, n + 1) <= last) n++;
  return n;
}

/**
 * The periods that have started by `day`, oldest first, each due on its last day unless a
 * commissioner set another due date (`dueOverrides`, by period number).
 */
export function elapsedPeriods(
  recurrence: Recurrence,
  day: string,
  dueOverrides: ReadonlyMap<number, string> = new Map(),
): Period[] {
  const periods: Period[] = [];
  for (let n = 1; n <= elapsedCount(recurrence, day); n++) {
    const endsOn = periodEnd(recurrence, n);
    periods.push({ n, startsOn: periodStart(recurrence, n), endsOn, dueOn: dueOverrides.get(n) ?? endsOn });
  }
  return periods;
}

/** A period is overdue when it is open (pending or partial) and its due date is before today. */
export function isPeriodOverdue(period: { status: PeriodStatus; dueOn: string }, today: string): boolean {
  return isOverdue(period, today);
}
