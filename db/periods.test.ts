import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { elapsedCount, elapsedPeriods, isPeriodOverdue, periodEnd, periodStart, type Recurrence } from "./periods";
import { shiftDate } from "./rules";

const monthly = (startsOn: string, endsOn: string | null = null): Recurrence => ({
  every: "monthly",
  startsOn,
  endsOn,
});

describe("period boundaries", () => {
  it("monthly from the 31st: a shorter month's last day, then the 31st again", () => {
    const r = monthly("2024-01-31");
    expect([1, 2, 3, 4].map((n) => periodStart(r, n))).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
    ]);
    expect(periodEnd(r, 1)).toBe("2024-02-28");
    expect(periodEnd(r, 2)).toBe("2024-03-30");
  });

  it("yearly from 29 February: the 28th in common years, the 29th in leap years", () => {
    const r: Recurrence = { every: "yearly", startsOn: "2024-02-29", endsOn: null };
    expect([1, 2, 5].map((n) => periodStart(r, n))).toEqual(["2024-02-29", "2025-02-28", "2028-02-29"]);
    expect(periodEnd(r, 1)).toBe("2025-02-27");
  });

  it("quarterly from a month's start ends on the quarter's last day", () => {
    const r: Recurrence = { every: "quarterly", startsOn: "2025-01-01", endsOn: null };
    expect([1, 2, 3, 4].map((n) => [periodStart(r, n), periodEnd(r, n)])).toEqual([
      ["2025-01-01", "2025-03-31"],
      ["2025-04-01", "2025-06-30"],
      ["2025-07-01", "2025-09-30"],
      ["2025-10-01", "2025-12-31"],
    ]);
  });

  it("an end date cuts the last period short and no period starts after it", () => {
    const r = monthly("2025-01-15", "2025-03-20");
    const periods = elapsedPeriods(r, "2026-01-01");
    expect(periods.map((p) => [p.startsOn, p.endsOn])).toEqual([
      ["2025-01-15", "2025-02-14"],
      ["2025-02-15", "2025-03-14"],
      ["2025-03-15", "2025-03-20"],
    ]);
  });

  it("a period exists from its first day: none before the start, the next one on its first day", () => {
    const r = monthly("2025-01-15");
    expect(elapsedCount(r, "2025-01-14")).toBe(0);
    expect(elapsedCount(r, "2025-01-15")).toBe(1);
    expect(elapsedCount(r, "2025-02-14")).toBe(1);
    expect(elapsedCount(r, "2025-02-15")).toBe(2);
  });

  it("periods are consecutive, never overlap and are counted right for any start and day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("monthly", "quarterly", "yearly" as const),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 4000 }),
        (every, start, days) => {
          const startsOn = start.toISOString().slice(0, 10);
          const r: Recurrence = { every, startsOn, endsOn: null };
          const day = shiftDate(startsOn, days);
          const periods = elapsedPeriods(r, day);
          expect(periods[0].startsOn).toBe(startsOn);
          for (const [i, p] of periods.entries()) {
            expect(p.startsOn <= p.endsOn).toBe(true);
            if (i > 0) expect(shiftDate(periods[i - 1].endsOn, 1)).toBe(p.startsOn);
          }
          const last = periods[periods.length - 1];
          expect(last.startsOn <= day && day <= last.endsOn).toBe(true);
        },
      ),
    );
  });
});

describe("overdue periods", () => {
  it("are open and due before today; due today is not overdue", () => {
    expect(isPeriodOverdue({ status: "pending", dueOn: "2025-12-31" }, "2026-01-01")).toBe(true);
    expect(isPeriodOverdue({ status: "partial", dueOn: "2025-12-31" }, "2026-01-01")).toBe(true);
    expect(isPeriodOverdue({ status: "pending", dueOn: "2026-01-01" }, "2026-01-01")).toBe(false);
    expect(isPeriodOverdue({ status: "broken", dueOn: "2025-01-01" }, "2026-01-01")).toBe(false);
  });

  it("a commissioner's due date replaces the period's last day", () => {
    const periods = elapsedPeriods(monthly("2025-01-01"), "2025-03-05", new Map([[2, "2025-03-10"]]));
    expect(periods.map((p) => p.dueOn)).toEqual(["2025-01-31", "2025-03-10", "2025-03-31"]);
  });
});
