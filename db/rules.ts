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
export type Tally = { counts: StatusCounts; overdue: number; total: number };

export function emptyTally(): Tally {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  return { counts, overdue: 0, total: 0 };
}

function add(tally: Tally, item: { status: Status; dueOn: string | null }, today: string): void {
  tally.counts[item.status] += 1;
  tally.total += 1;
  if (isOverdue(item, today)) tally.overdue += 1;
}

export function tally(items: Iterable<{ status: Status; dueOn: string | null }>, today: string): Tally {
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
  }
  return result;
}

/**
 * A commitment with several responsible parties counts once for each of them.
 * Returns one tally per party id that appears.
 */
export function tallyByParty<K>(
  items: Iterable<{ status: Status; dueOn: string | null; partyIds: readonly K[] }>,
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

/** fulfilled / (fulfilled + broken + overdue); superseded is excluded; null when nothing is due. */
export function complianceRate(t: {
  counts: Pick<StatusCounts, "fulfilled" | "broken">;
  overdue: number;
}): number | null {
  const denominator = t.counts.fulfilled + t.counts.broken + t.overdue;
  return denominator === 0 ? null : t.counts.fulfilled / denominator;
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
