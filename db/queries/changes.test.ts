import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { endOfDayInstant, isOverdue, shiftDate, statusAt, todayIn } from "../rules";
import { loadDemo } from "../seed/demo";
import { allIds, rawRows, visibleTo, type Raw } from "../testing/raw-rows";
import { CHANGE_KINDS, type ChangeKind } from "../enums";
import { changesBetween } from "./changes";

// "What changed" against a replay of each commitment's history in JavaScript.

const TZ = "America/Lima";

function stateAt(c: Raw, day: string) {
  if (c.madeOn > day) return null;
  const status = statusAt(c.history, endOfDayInstant(day, TZ));
  return { status, overdue: isOverdue({ status, dueOn: c.dueOn }, day) };
}

function expectedIds(
  rows: Raw[],
  viewer: Viewer,
  scope: { mesaId?: number; partyId?: number },
  from: string,
  to: string,
) {
  const result: Record<ChangeKind, number[]> = { fulfilled: [], broken: [], overdue: [] };
  for (const c of rows) {
    if (!visibleTo(viewer, c)) continue;
    if (scope.mesaId !== undefined && c.mesaId !== scope.mesaId) continue;
    if (scope.partyId !== undefined && !c.partyIds.includes(scope.partyId)) continue;
    const after = stateAt(c, to);
    if (!after) continue;
    const before = stateAt(c, from);
    if (after.status === "fulfilled" && before?.status !== "fulfilled") result.fulfilled.push(c.id);
    else if (after.status === "broken" && before?.status !== "broken") result.broken.push(c.id);
    else if (after.overdue && !before?.overdue) result.overdue.push(c.id);
  }
  return result;
}

describe("changes between two days, on the demo set", () => {
  const today = todayIn(TZ);
  let rows: Raw[];
  let mesaIds: number[];
  let partyIds: number[];
  beforeAll(async () => {
    await loadDemo(getDb(), today);
    rows = rawRows();
    ({ mesaIds, partyIds } = allIds());
  });

  it("lists exactly the commitments whose replayed state changed, for every viewer and scope", () => {
    const viewers: Viewer[] = [null, { userId: 1, name: "A", role: "admin", mesaIds: [] }];
    const periods = [
      [shiftDate(today, -30), today],
      [shiftDate(today, -365), shiftDate(today, -100)],
      [shiftDate(today, -2000), today],
      [today, today],
    ];
    let seen = 0;
    for (const viewer of viewers) {
      for (const [from, to] of periods) {
        for (const scope of [{}, { mesaId: mesaIds[0] }, { partyId: partyIds[1] }]) {
          const got = changesBetween(viewer, scope, from, to, 10_000);
          const want = expectedIds(rows, viewer, scope, from, to);
          for (const kind of CHANGE_KINDS) {
            const ids = got.newly[kind].items.map((i) => i.id);
            expect(
              ids.sort((a, b) => a - b),
              `${kind} ${from}..${to}`,
            ).toEqual(want[kind].sort((a, b) => a - b));
            expect(got.newly[kind].total).toBe(want[kind].length);
            seen += ids.length;
          }
        }
      }
    }
    // The demo history must give the test something to compare.
    expect(seen).toBeGreaterThan(20);
  });

  it("shows each kind's first items in mesa and code order with the before and after status", () => {
    const from = shiftDate(today, -2000);
    const all = changesBetween(null, {}, from, today, 10_000);
    const first = changesBetween(null, {}, from, today, 3);
    for (const kind of CHANGE_KINDS) {
      expect(first.newly[kind].total).toBe(all.newly[kind].total);
      expect(first.newly[kind].items).toEqual(all.newly[kind].items.slice(0, 3));
    }
    const item = all.newly.fulfilled.items[0];
    const raw = rows.find((c) => c.id === item.id)!;
    expect(item).toMatchObject({ code: raw.code, title: raw.title, after: "fulfilled", dueOn: raw.dueOn });
    expect(item.before).toBe(stateAt(raw, from)?.status ?? null);
  });
});
