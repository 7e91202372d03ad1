import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { STATUSES, type Status } from "./enums";

// Pure domain rules of CONTRACT §1: no I/O, so every page, API answer and test agrees.

export const OPEN_STATUSES: readonly Status[] = ["pending", "in_progress", "partial"];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Today's date (YYYY-MM-DD) in the given IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now, timeZone), "yyyy-MM-dd");
}

/** The instant a calendar day ends in a time zone (the first instant of the next day). */
export function endOfDayInstant(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d + 1, timeZone).getTime());
}

/** Adds days to a YYYY-MM-DD date, calendar-wise. */
export function shiftDate(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), days), "yyyy-MM-dd");
}

/** Overdue is derived, never stored: open and due before today. Due today is not overdue. */
export function isOverdue(item: { status: Status; dueOn: string | null }, today: string): boolean {
  return isOpen(item.status) && item.dueOn !== null && item.dueOn < today;
}

export type StatusCounts = Record<Status, number>;
/** What a compliance rate counts (CONTRACT §1). */
export type RatedCounts = { fulfilled: number; broken: number; overdue: number };
/** The elapsed periods of recurring commitments, by what they count as. */
export type PeriodTally = RatedCounts & { total: number };
export type Tally = {
  /** Commitments by their own status (a recurring one's is the commissioner's overall judgement). */
  counts: StatusCounts;
  overdue: number;
  total: number;
  periods: PeriodTally;
  /** One-off commitments, and each elapsed period in place of its recurring commitment. */
  rated: RatedCounts;
};

/** A commitment as counted: a recurring one brings its elapsed periods (those begun by the day). */
export type CountedItem = {
  status: Status;
  dueOn: string | null;
  periods?: readonly { status: Status; dueOn: string }[] | null;
};

const emptyRated = (): RatedCounts => ({ fulfilled: 0, broken: 0, overdue: 0 });

export function emptyTally(): Tally {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  return { counts, overdue: 0, total: 0, periods: { ...emptyRated(), total: 0 }, rated: emptyRated() };
}

/** fulfilled, broken or overdue (what a rate counts), or null for the rest. */
function ratedAs(item: { status: Status; dueOn: string | null }, today: string): keyof RatedCounts | null {
  if (item.status === "fulfilled" || item.status === "broken") return item.status;
  return isOverdue(item, today) ? "overdue" : null;
}

function add(tally: Tally, item: CountedItem, today: string): void {
  tally.counts[item.status] += 1;
  tally.total += 1;
  if (isOverdue(item, today)) tally.overdue += 1;
  if (!item.periods) {
    const kind = ratedAs(item, today);
    if (kind) tally.rated[kind] += 1;
    return;
  }
  for (const period of item.periods) {
    tally.periods.total += 1;
    const kind = ratedAs(period, today);
    if (kind) {
      tally.periods[kind] += 1;
      tally.rated[kind] += 1;
    }
  }
}

export function tally(items: Iterable<CountedItem>, today: string): Tally {
  const result = emptyTally();
  for (const item of items) add(result, item, today);
  return result;
}

/** The tally of disjoint sets together. */
export function sumTallies(parts: Iterable<Tally>): Tally {
  const result = emptyTally();
  for (const part of parts) {
    for (const status of STATUSES) result.counts[status] += part.counts[status];
    result.total += part.total;
    result.overdue += part.overdue;
    for (const key of ["fulfilled", "broken", "overdue", "total"] as const) result.periods[key] += part.periods[key];
    for (const key of ["fulfilled", "broken", "overdue"] as const) result.rated[key] += part.rated[key];
  }
  return result;
}

/**
 * A commitment with several responsible parties counts once for each of them.
 * Returns one tally per party id that appears.
 */
export function tallyByParty<K>(
  items: Iterable<CountedItem & { partyIds: readonly K[] }>,
  today: string,
): Map<K, Tally> {
  const result = new Map<K, Tally>();
  for (const item of items) {
    for (const partyId of new Set(item.partyIds)) {
      let partyTally = result.get(partyId);
      if (!partyTally) result.set(partyId, (partyTally = emptyTally()));
      add(partyTally, item, today);
    }
  }
  return result;
}

/**
 * fulfilled / (fulfilled + broken + overdue) over one-off commitments and elapsed periods;
 * superseded is excluded; null when nothing is due.
 */
export function complianceRate({ rated }: { rated: RatedCounts }): number | null {
  const denominator = rated.fulfilled + rated.broken + rated.overdue;
  return denominator === 0 ? null : rated.fulfilled / denominator;
}

/**
 * A commitment's status at an instant, rebuilt from its history (changes sorted oldest first,
 * ISO timestamps). Before its first recorded change a commitment counts as `pending`.
 */
export function statusAt(changes: readonly { toStatus: Status; changedAt: string }[], instant: Date): Status {
  const limit = instant.toISOString();
  let status: Status = "pending";
  for (const change of changes) {
    if (change.changedAt >= limit) break;
    status = change.toStatus;
  }
  return status;
}
