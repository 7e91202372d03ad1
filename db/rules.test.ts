import { describe, expect, it } from "vitest";
import { complianceRate, endOfDayInstant, isOverdue, shiftDate, statusAt, tally, tallyByParty, todayIn } from "./rules";

const today = "2026-03-10";

describe("overdue", () => {
  it("is not overdue when due today", () => {
    expect(isOverdue({ status: "pending", dueOn: today }, today)).toBe(false);
  });
  it("is overdue when due yesterday and still open", () => {
    expect(isOverdue({ status: "in_progress", dueOn: "2026-03-09" }, today)).toBe(true);
    expect(isOverdue({ status: "partial", dueOn: "2026-03-09" }, today)).toBe(true);
  });
  it("is never overdue once closed or without a deadline", () => {
    expect(isOverdue({ status: "fulfilled", dueOn: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "broken", dueOn: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "superseded", dueOn: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "pending", dueOn: null }, today)).toBe(false);
  });
});

describe("today in the app's time zone", () => {
  it("uses Lima's date, not UTC's, late in the evening", () => {
    // 02:30 UTC on the 11th is still 21:30 on the 10th in Lima (UTC-5).
    const instant = new Date("2026-03-11T02:30:00Z");
    expect(todayIn("America/Lima", instant)).toBe("2026-03-10");
    expect(todayIn("UTC", instant)).toBe("2026-03-11");
  });
  it("ends a Lima day at 05:00 UTC of the next", () => {
    expect(endOfDayInstant("2026-03-10", "America/Lima").toISOString()).toBe("2026-03-11T05:00:00.000Z");
  });
  it("shifts dates across month ends", () => {
    expect(shiftDate("2026-01-31", 1)).toBe("2026-02-01");
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("compliance rate", () => {
  it("is null when nothing is due", () => {
    const t = tally(
      [
        { status: "pending", dueOn: null },
        { status: "in_progress", dueOn: "2030-01-01" },
      ],
      today,
    );
    expect(complianceRate(t)).toBeNull();
  });
  it("counts fulfilled over fulfilled + broken + overdue, excluding superseded", () => {
    const t = tally(
      [
        { status: "fulfilled", dueOn: null },
        { status: "broken", dueOn: null },
        { status: "pending", dueOn: "2026-01-01" },
        { status: "superseded", dueOn: "2026-01-01" },
        { status: "pending", dueOn: "2030-01-01" },
      ],
      today,
    );
    expect(t.overdue).toBe(1);
    expect(t.counts.superseded).toBe(1);
    expect(complianceRate(t)).toBeCloseTo(1 / 3);
  });
});

describe("per-party counting", () => {
  it("counts a commitment with three parties once for each", () => {
    const byParty = tallyByParty(
      [
        { status: "broken", dueOn: null, partyIds: ["a", "b", "c"] },
        { status: "fulfilled", dueOn: null, partyIds: ["a"] },
      ],
      today,
    );
    expect([...byParty.keys()].sort()).toEqual(["a", "b", "c"]);
    expect(byParty.get("a")?.total).toBe(2);
    expect(byParty.get("b")?.counts.broken).toBe(1);
    expect(byParty.get("c")?.counts.broken).toBe(1);
    expect(complianceRate(byParty.get("a")!)).toBe(0.5);
  });
});

describe("status rebuilt from history", () => {
  const changes = [
    { toStatus: "pending" as const, changedAt: "2026-01-05T15:00:00.000Z" },
    { toStatus: "in_progress" as const, changedAt: "2026-02-01T12:00:00.000Z" },
    { toStatus: "fulfilled" as const, changedAt: "2026-03-01T12:00:00.000Z" },
  ];
  it("takes the last change before the instant", () => {
    expect(statusAt(changes, new Date("2026-02-15T00:00:00Z"))).toBe("in_progress");
    expect(statusAt(changes, new Date("2026-03-02T00:00:00Z"))).toBe("fulfilled");
  });
  it("is pending before any change", () => {
    expect(statusAt(changes, new Date("2025-12-31T00:00:00Z"))).toBe("pending");
  });
});
