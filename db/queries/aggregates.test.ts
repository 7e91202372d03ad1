import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { PERIOD_STATUSES, RECURRENCE_EVERY, STATUSES, THEMES, type PeriodStatus, type Status } from "../enums";
import { elapsedPeriods } from "../periods";
import { endOfDayInstant, isOpen, shiftDate, statusAt, tally, tallyByParty as rulesByParty, todayIn } from "../rules";
import {
  commitmentParties,
  commitmentPeriods,
  commitments,
  evidence,
  periodStatusChanges,
  statusChanges,
} from "../schema";
import { loadDemo } from "../seed/demo";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { allIds, rawRows, visibleTo, type Raw } from "../testing/raw-rows";
import {
  countsAtDays,
  dueWithin,
  periodsDueBetween,
  tallyByMesa,
  tallyByParty,
  tallyByTheme,
  tallyScope,
  type FigureScope,
} from "./aggregates";
import { qualityByMesa, sumQuality } from "./quality";

// The SQL of ./aggregates.ts against db/rules.ts applied to the raw rows, read back here
// independently: on the demo set and on random data (dates, statuses, parties, visibility).

const TZ = "America/Lima";

/** The rules' answer: filter the rows in JavaScript, replay history for asOf, tally. */
function expected(rows: Raw[], viewer: Viewer, scope: FigureScope) {
  const day = scope.asOf ?? todayIn(TZ);
  const items = rows
    .filter((c) => visibleTo(viewer, c))
    .filter((c) => scope.mesaId === undefined || c.mesaId === scope.mesaId)
    .filter((c) => scope.theme === undefined || c.theme === scope.theme)
    .filter((c) => scope.partyId === undefined || c.partyIds.includes(scope.partyId))
    .filter((c) => scope.asOf === undefined || c.madeOn <= scope.asOf)
    .map((c) => ({
      ...c,
      status: scope.asOf === undefined ? c.status : statusAt(c.history, endOfDayInstant(scope.asOf, TZ)),
      periods: periodsAt(c, day, scope.asOf !== undefined),
    }));
  const byMesa = new Map<number, ReturnType<typeof tally>>();
  for (const mesaId of new Set(items.map((c) => c.mesaId))) {
    byMesa.set(
      mesaId,
      tally(
        items.filter((c) => c.mesaId === mesaId),
        day,
      ),
    );
  }
  const byTheme = new Map<string, ReturnType<typeof tally>>();
  for (const theme of new Set(items.map((c) => c.theme))) {
    byTheme.set(
      theme,
      tally(
        items.filter((c) => c.theme === theme),
        day,
      ),
    );
  }
  const dueWithinDays = (n: number) =>
    items.filter((c) => isOpen(c.status) && c.dueOn !== null && c.dueOn >= day && c.dueOn <= shiftDate(day, n)).length;
  // The day's month, counted here by calendar: from its first day to the day before the next month's.
  const [y, m] = day.split("-").map(Number);
  const month = { from: `${day.slice(0, 7)}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
  const dueInMonth = items.flatMap((c) => c.periods ?? []).filter((p) => p.dueOn >= month.from && p.dueOn <= month.to);
  return {
    all: tally(items, day),
    month,
    periodsDueInMonth: {
      total: dueInMonth.length,
      open: dueInMonth.filter((p) => p.status === "pending" || p.status === "partial").length,
    },
    byMesa,
    byParty: rulesByParty(items, day),
    byTheme,
    dueSoon: [dueWithinDays(30), dueWithinDays(90)],
    quality: quality(items, day),
    qualityByMesa: new Map(
      [...byMesa.keys()].map((id) => [
        id,
        quality(
          items.filter((c) => c.mesaId === id),
          day,
        ),
      ]),
    ),
  };
}

/**
 * A recurring commitment's periods begun by `day` (none before it was made), each with the status
 * a commissioner set (`replay`: the last change before the end of the day) and its due date.
 */
function periodsAt(c: Raw, day: string, replay: boolean) {
  if (!c.recurrence || c.madeOn > day) return c.recurrence ? [] : null;
  const overrides = new Map(c.periodRows.flatMap((p) => (p.dueOn ? [[p.n, p.dueOn] as const] : [])));
  const end = endOfDayInstant(day, TZ).toISOString();
  return elapsedPeriods({ every: c.recurrence, startsOn: c.startsOn!, endsOn: c.endsOn }, day, overrides).map((p) => {
    const status: PeriodStatus = replay
      ? (c.periodHistory.filter((h) => h.n === p.n && h.changedAt < end).at(-1)?.toStatus ?? "pending")
      : (c.periodRows.find((r) => r.n === p.n)?.status ?? "pending");
    return { status, dueOn: p.dueOn };
  });
}

/** CONTRACT §1 agreement quality of rows whose status is the one at `day`. */
function quality(items: (Raw & { status: Status })[], day: string) {
  const end = endOfDayInstant(day, TZ).toISOString();
  const since = endOfDayInstant(shiftDate(day, -365), TZ).toISOString();
  const accepted = (c: Raw, from: string) =>
    c.evidence.some((e) => e.reviewState === "accepted" && e.reviewedAt! >= from && e.reviewedAt! < end);
  const changed = (c: Raw) => c.history.some((h) => h.fromStatus !== null && h.changedAt >= since && h.changedAt < end);
  return {
    total: items.length,
    withoutDeadline: items.filter((c) => c.dueOn === null).length,
    withoutAcceptedEvidence: items.filter((c) => !accepted(c, "")).length,
    staleOpen: items.filter(
      (c) => isOpen(c.status) && c.madeOn <= shiftDate(day, -365) && !changed(c) && !accepted(c, since),
    ).length,
  };
}

function checkAgreement(rows: Raw[], viewer: Viewer, scope: FigureScope) {
  const want = expected(rows, viewer, scope);
  expect(tallyScope(viewer, scope)).toEqual(want.all);
  expect(tallyByMesa(viewer, scope)).toEqual(want.byMesa);
  expect(tallyByParty(viewer, scope)).toEqual(want.byParty);
  expect(tallyByTheme(viewer, scope)).toEqual(want.byTheme);
  expect(dueWithin(viewer, scope, [30, 90])).toEqual(want.dueSoon);
  expect(periodsDueBetween(viewer, scope, want.month.from, want.month.to)).toEqual(want.periodsDueInMonth);
  // The overall quality is the per-mesa figures added up, as /stats gives it.
  expect(sumQuality(qualityByMesa(viewer, scope).values())).toEqual(want.quality);
  expect(qualityByMesa(viewer, scope)).toEqual(want.qualityByMesa);
}

function checkDays(rows: Raw[], viewer: Viewer, scope: Omit<FigureScope, "asOf">, days: string[]) {
  const got = countsAtDays(viewer, scope, days);
  days.forEach((day, i) => {
    const { all } = expected(rows, viewer, { ...scope, asOf: day });
    // The one-off commitments: recurring ones count by their periods.
    expect(got[i], day).toEqual({
      fulfilled: all.rated.fulfilled - all.periods.fulfilled,
      broken: all.rated.broken - all.periods.broken,
      overdue: all.rated.overdue - all.periods.overdue,
    });
  });
}

function clearCommitments() {
  const db = getDb();
  db.delete(periodStatusChanges).run();
  db.delete(commitmentPeriods).run();
  db.delete(statusChanges).run();
  db.delete(evidence).run();
  db.delete(commitmentParties).run();
  db.delete(commitments).run();
}

describe("on the demo set", () => {
  const today = todayIn(TZ);
  let rows: Raw[];
  let mesaIds: number[];
  let partyIds: number[];

  beforeAll(async () => {
    await loadDemo(getDb(), today);
    rows = rawRows();
    ({ mesaIds, partyIds } = allIds());
  });

  const viewers = (): Viewer[] => [
    null,
    { userId: 1, name: "Admin", role: "admin", mesaIds: [] },
    { userId: 2, name: "Monitor", role: "monitor", mesaIds: [mesaIds[0]] },
  ];

  it("agrees with the rules for every viewer and scope, today and on past days", () => {
    const days = [undefined, shiftDate(today, -1), shiftDate(today, -30), shiftDate(today, -200), "2015-01-01"];
    for (const viewer of viewers()) {
      for (const asOf of days) {
        const scopes: FigureScope[] = [
          { asOf },
          ...mesaIds.map((mesaId) => ({ mesaId, asOf })),
          ...partyIds.slice(0, 6).map((partyId) => ({ partyId, asOf })),
          { theme: "water", asOf },
          { mesaId: mesaIds[1], partyId: partyIds[0], asOf },
        ];
        for (const scope of scopes) checkAgreement(rows, viewer, scope);
      }
    }
  }, 60_000);

  it("counts the monthly series as each day's replay of history", () => {
    const days = Array.from({ length: 12 }, (_, i) => shiftDate(today, -30 * (11 - i)));
    for (const viewer of viewers()) {
      checkDays(rows, viewer, {}, days);
      checkDays(rows, viewer, { mesaId: mesaIds[0] }, days);
      checkDays(rows, viewer, { partyId: partyIds[2] }, days);
    }
  }, 30_000);

  it("has history in the past that differs from today (the test would not notice otherwise)", () => {
    const past = shiftDate(today, -200);
    expect(tallyScope(null, { asOf: past })).not.toEqual(tallyScope(null, {}));
  });
});

describe("on random commitments", () => {
  const DAY0 = "2024-01-01";
  // Mostly within a month (due dates meet the days asked about), some over two years (a year
  // without activity makes a commitment stale).
  const dayArb = fc
    .oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 800 }))
    .map((n) => shiftDate(DAY0, n));
  // Instants cluster near midnight in Lima (05:00 UTC) to test the day boundary.
  const instantArb = fc
    .tuple(dayArb, fc.constantFrom(4, 5, 12, 23), fc.integer({ min: 0, max: 59 }))
    .map(([day, hour, minute]) => `${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`);
  const commitmentArb = fc.record({
    mesa: fc.integer({ min: 0, max: 1 }),
    parties: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    theme: fc.constantFrom(...THEMES.slice(0, 2)),
    visibility: fc.constantFrom("public", "public", "restricted") as fc.Arbitrary<"public" | "restricted">,
    madeOn: dayArb,
    dueOn: fc.option(dayArb, { nil: null }),
    history: fc.array(fc.tuple(instantArb, fc.constantFrom(...STATUSES)), { maxLength: 4 }),
    evidence: fc.array(
      fc.tuple(
        instantArb,
        fc.constantFrom("submitted", "accepted", "rejected") as fc.Arbitrary<"submitted" | "accepted" | "rejected">,
      ),
      { maxLength: 3 },
    ),
    // A third recur, some with an end; their periods' history and due dates in random order.
    recurrence: fc.option(
      fc.record({
        every: fc.constantFrom(...RECURRENCE_EVERY),
        // Month ends too: a start on the 31st lands on a shorter month's last day.
        startsOn: fc.oneof(dayArb, fc.constantFrom("2023-12-31", "2024-01-31", "2024-02-29")),
        endsOn: fc.option(dayArb, { nil: null }),
        history: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), instantArb, fc.constantFrom(...PERIOD_STATUSES)), {
          maxLength: 6,
        }),
        dueOn: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), dayArb), { maxLength: 2 }),
      }),
      { nil: null, freq: 2 },
    ),
  });

  type Generated = typeof commitmentArb extends fc.Arbitrary<infer T> ? T : never;

  let user: number;
  let mesaIds: number[];
  let partyIds: number[];
  beforeAll(() => {
    user = makeUser("admin").id;
    mesaIds = [makeMesa().id, makeMesa().id];
    partyIds = [makeParty().id, makeParty().id, makeParty().id];
  });

  function insert(generated: Generated[]) {
    clearCommitments();
    const db = getDb();
    generated.forEach((g, i) => {
      const history = [...g.history].sort(([a], [b]) => a.localeCompare(b));
      const status: Status = history.at(-1)?.[1] ?? "pending";
      const id = i + 1;
      db.insert(commitments)
        .values({
          id,
          mesaId: mesaIds[g.mesa],
          code: `R-${i}`,
          title: "t",
          text: "t",
          theme: g.theme,
          madeOn: g.madeOn,
          dueOn: g.dueOn,
          status,
          visibility: g.visibility,
          // The schema wants a replacement for `superseded`; itself will do here.
          supersededBy: status === "superseded" ? id : null,
          recurrence: g.recurrence?.every ?? null,
          startsOn: g.recurrence?.startsOn ?? null,
          endsOn: g.recurrence?.endsOn && g.recurrence.endsOn >= g.recurrence.startsOn ? g.recurrence.endsOn : null,
        })
        .run();
      if (g.recurrence) insertPeriods(id, g.recurrence);
      g.parties.forEach((p, j) =>
        db
          .insert(commitmentParties)
          .values({ commitmentId: id, partyId: partyIds[p], isLead: j === 0 })
          .run(),
      );
      // Inserted in random order: the derived spans must not depend on it. The earliest entry
      // records the first status (no `from`), as the create command writes it.
      for (const entry of g.history) {
        const [changedAt, to] = entry;
        const before = history.indexOf(entry) - 1;
        db.insert(statusChanges)
          .values({
            commitmentId: id,
            fromStatus: before < 0 ? null : history[before][1],
            toStatus: to,
            changedBy: user,
            changedAt,
            reason: "r",
          })
          .run();
      }
      for (const [at, reviewState] of g.evidence) {
        const reviewed = reviewState === "submitted" ? {} : { reviewedAt: at, reviewedBy: user };
        db.insert(evidence)
          .values({
            commitmentId: id,
            submittedBy: user,
            observedOn: DAY0,
            kind: "photo",
            summary: "e",
            reviewState,
            ...reviewed,
          })
          .run();
      }
    });
  }

  /** A period's history in time order (its current status the last), and the due dates set. */
  function insertPeriods(id: number, r: NonNullable<Generated["recurrence"]>) {
    const db = getDb();
    const current = new Map<number, { status: PeriodStatus; dueOn: string | null }>();
    for (const [n, changedAt, to] of [...r.history].sort((a, b) => a[1].localeCompare(b[1]))) {
      const from = current.get(n)?.status ?? "pending";
      db.insert(periodStatusChanges)
        .values({ commitmentId: id, n, fromStatus: from, toStatus: to, changedBy: user, changedAt, reason: "r" })
        .run();
      current.set(n, { status: to, dueOn: current.get(n)?.dueOn ?? null });
    }
    for (const [n, dueOn] of r.dueOn) current.set(n, { status: current.get(n)?.status ?? "pending", dueOn });
    for (const [n, row] of current)
      db.insert(commitmentPeriods)
        .values({ commitmentId: id, n, ...row })
        .run();
  }

  it("agrees with the rules for any data, viewer, scope and day", () => {
    fc.assert(
      fc.property(
        fc.array(commitmentArb, { minLength: 5, maxLength: 25 }),
        fc.array(fc.oneof(dayArb, fc.constantFrom("2024-02-29", "2024-03-30", "2024-04-30")), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 2 }),
        (generated, days, who) => {
          insert(generated);
          const rows = rawRows();
          const viewer: Viewer = [
            null,
            { userId: user, name: "A", role: "admin", mesaIds: [] } as const,
            { userId: user, name: "M", role: "monitor", mesaIds: [mesaIds[1]] } as const,
          ][who];
          for (const asOf of [undefined, ...days]) {
            checkAgreement(rows, viewer, { asOf });
            checkAgreement(rows, viewer, { asOf, mesaId: mesaIds[0] });
            checkAgreement(rows, viewer, { asOf, partyId: partyIds[1], theme: THEMES[0] });
          }
          checkDays(rows, viewer, {}, [...new Set(days)].sort());
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
