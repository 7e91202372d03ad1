import { beforeAll, expect, it } from "vitest";
import { getDb } from "../client";
import { endOfDayInstant, isOverdue, shiftDate, statusAt, todayIn } from "../rules";
import { parties } from "../schema";
import { loadDemo } from "../seed/demo";
import { rawRows, visibleTo, type Raw } from "../testing/raw-rows";
import { oldestOverdue } from "./overdue";

const TZ = "America/Lima";
const today = todayIn(TZ);
let rows: Raw[];
let partyIds: number[];

beforeAll(async () => {
  await loadDemo(getDb(), today);
  rows = rawRows();
  partyIds = getDb()
    .select({ id: parties.id })
    .from(parties)
    .all()
    .map((p) => p.id);
});

/** The overdue commitments of a party at a day, oldest deadline first, replayed from history. */
function expected(partyId: number, day: string, asOf: boolean) {
  return rows
    .filter((c) => visibleTo(null, c) && c.partyIds.includes(partyId) && c.madeOn <= day)
    .map((c) => ({ c, status: asOf ? statusAt(c.history, endOfDayInstant(day, TZ)) : c.status }))
    .filter(({ c, status }) => isOverdue({ status, dueOn: c.dueOn }, day))
    .sort((a, b) => a.c.dueOn!.localeCompare(b.c.dueOn!) || a.c.id - b.c.id)
    .map(({ c }) => ({ id: c.id, dueOn: c.dueOn }));
}

it("lists a party's longest overdue commitments with the days since their deadline, today and as of a past day", () => {
  let seen = 0;
  for (const partyId of partyIds) {
    for (const asOf of [undefined, shiftDate(today, -200)]) {
      const day = asOf ?? today;
      const got = oldestOverdue(null, { partyId, asOf }, 5);
      expect(got.map(({ id, dueOn }) => ({ id, dueOn }))).toEqual(
        expected(partyId, day, asOf !== undefined).slice(0, 5),
      );
      for (const item of got) {
        expect(shiftDate(item.dueOn, item.daysOverdue)).toBe(day);
        expect(item.daysOverdue).toBeGreaterThan(0);
      }
      seen += got.length;
    }
  }
  expect(seen).toBeGreaterThan(10);
});
