import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { elapsedCount } from "../periods";
import { shiftDate, todayIn } from "../rules";
import { auditLog, commitmentPeriods, periodStatusChangeEvidence, periodStatusChanges } from "../schema";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { refusal, refusalOf } from "../testing/refusal";
import { getCommitment } from "../queries/commitment-detail";
import { receiveMultipart } from "../uploads";
import { evidenceTarget, submitEvidence } from "./evidence";
import { reviewEvidence } from "./review";
import { createCommitment, updateCommitment } from "./commitments";
import { setPeriodStatus } from "./period-status";

let commissioner: Viewer;
let monitor: Viewer;
const today = todayIn(appTimeZone());

const yearly = (overrides: Record<string, unknown> = {}) => ({
  mesa: "mesa-r",
  code: `R-${Math.random().toString(36).slice(2, 8)}`,
  title: "Aporte anual al fondo de desarrollo comunal",
  text: "La empresa aportará cada año al fondo comunal.",
  theme: "economic_compensation",
  responsibleParties: [{ slug: "empresa-r", lead: true }],
  madeOn: "2023-03-01",
  recurrence: { every: "yearly", startsOn: "2023-01-01" },
  ...overrides,
});

beforeAll(() => {
  const mesa = makeMesa("mesa-r").id;
  makeParty("empresa-r", "company");
  const viewer = (role: "monitor" | "commissioner", mesaIds: number[]): Viewer => {
    const user = makeUser(role);
    return { userId: user.id, name: user.name, role, mesaIds };
  };
  commissioner = viewer("commissioner", [mesa]);
  monitor = viewer("monitor", [mesa]);
});

describe("a recurring commitment", () => {
  it("is created with its recurrence and shows its elapsed periods, each pending and due on its last day", () => {
    const created = createCommitment(commissioner, yearly());
    expect(created.recurrence).toEqual({ every: "yearly", startsOn: "2023-01-01", endsOn: null });
    const n = elapsedCount(created.recurrence!, today);
    expect(created.periods).toHaveLength(n);
    expect(created.periods[0]).toEqual({
      n: 1,
      startsOn: "2023-01-01",
      dueOn: "2023-12-31",
      status: "pending",
      overdue: true,
    });
    // The current period is not overdue yet.
    expect(created.periods[n - 1].overdue).toBe(false);
  });

  it("starts on the day it was made unless told otherwise, and cannot end before it starts", () => {
    const created = createCommitment(commissioner, yearly({ recurrence: { every: "monthly" } }));
    expect(created.recurrence).toEqual({ every: "monthly", startsOn: "2023-03-01", endsOn: null });
    const bad = refusal(() =>
      createCommitment(commissioner, yearly({ recurrence: { every: "monthly", endsOn: "2023-02-01" } })),
    );
    expect(bad.status).toBe(422);
    expect(bad.issues).toEqual([{ path: "recurrence.endsOn", code: "ends_before_start" }]);
    expect(
      refusal(() => createCommitment(commissioner, yearly({ recurrence: { every: "weekly" } }))).issues[0].path,
    ).toBe("recurrence.every");
  });

  it("a commissioner marks 2024's payment broken and 2025's fulfilled, each with its reason and history", () => {
    const { id } = createCommitment(commissioner, yearly());
    setPeriodStatus(commissioner, id, 2, { status: "broken", reason: "No se depositó el aporte de 2024." });
    const after = setPeriodStatus(commissioner, id, 3, { status: "fulfilled", reason: "Constancia de depósito 2025." });
    expect(after.periods.slice(0, 3).map((p) => [p.startsOn, p.status, p.overdue])).toEqual([
      ["2023-01-01", "pending", true],
      ["2024-01-01", "broken", false],
      ["2025-01-01", "fulfilled", false],
    ]);
    const history = getDb().select().from(periodStatusChanges).where(eq(periodStatusChanges.commitmentId, id)).all();
    expect(history.map((h) => [h.n, h.fromStatus, h.toStatus])).toEqual([
      [2, "pending", "broken"],
      [3, "pending", "fulfilled"],
    ]);
    const audits = getDb().select().from(auditLog).where(eq(auditLog.action, "commitment.period_status")).all();
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a period without a reason, a period not yet begun, a one-off commitment and a monitor, writing nothing", () => {
    const { id } = createCommitment(commissioner, yearly());
    const oneOff = createCommitment(commissioner, yearly({ recurrence: null }));
    const rows = () => getDb().select({ n: count() }).from(periodStatusChanges).get()!.n;
    const before = rows();
    expect(refusal(() => setPeriodStatus(commissioner, id, 1, { status: "fulfilled", reason: " " })).issues).toEqual([
      { path: "reason", code: "required" },
    ]);
    const future = elapsedCount({ every: "yearly", startsOn: "2023-01-01", endsOn: null }, today) + 1;
    expect(
      refusal(() => setPeriodStatus(commissioner, id, future, { status: "fulfilled", reason: "x" })).issues,
    ).toEqual([{ path: "n", code: "period_not_elapsed" }]);
    expect(
      refusal(() => setPeriodStatus(commissioner, oneOff.id, 1, { status: "fulfilled", reason: "x" })).issues,
    ).toEqual([{ path: "n", code: "not_recurring" }]);
    expect(refusal(() => setPeriodStatus(monitor, id, 1, { status: "fulfilled", reason: "x" })).status).toBe(403);
    expect(refusal(() => setPeriodStatus(commissioner, id, 1, { status: "in_progress", reason: "x" })).status).toBe(
      422,
    );
    expect(rows()).toBe(before);
    expect(getDb().select().from(commitmentPeriods).where(eq(commitmentPeriods.commitmentId, id)).all()).toEqual([]);
  });

  it("can be made recurring, or one-off, by an edit", () => {
    const created = createCommitment(commissioner, yearly({ recurrence: null, madeOn: shiftDate(today, -100) }));
    expect(created.periods).toEqual([]);
    const edited = updateCommitment(commissioner, created.id, { recurrence: { every: "monthly" } });
    expect(edited.recurrence?.startsOn).toBe(shiftDate(today, -100));
    expect(edited.periods.length).toBeGreaterThanOrEqual(3);
    expect(updateCommitment(commissioner, created.id, { recurrence: null }).recurrence).toBeNull();
  });
});

describe("evidence for one period", () => {
  async function submitFor(id: number, period: string) {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      observedOn: "2025-03-01",
      kind: "document",
      summary: "Depósito",
      period,
    })) {
      form.set(key, value);
    }
    const request = new Request("http://localhost/upload", { method: "POST", body: form });
    return submitEvidence(evidenceTarget(monitor, id), await receiveMultipart(request), null);
  }

  it("names an elapsed period of a recurring commitment, and accepting it may set that period's status", async () => {
    const { id } = createCommitment(commissioner, yearly());
    const submitted = await submitFor(id, "3");
    expect(submitted.period).toBe(3);
    reviewEvidence(commissioner, submitted.id, {
      decision: "accepted",
      note: "Constancia del depósito 2025",
      setStatus: "fulfilled",
    });
    const after = getCommitment(commissioner, id)!;
    expect(after.periods[2]).toMatchObject({ n: 3, status: "fulfilled" });
    // The commitment's own status, the commissioner's overall judgement, is left as it was.
    expect(after.status).toBe("pending");
    const change = getDb().select().from(periodStatusChanges).where(eq(periodStatusChanges.commitmentId, id)).get()!;
    const cited = getDb()
      .select()
      .from(periodStatusChangeEvidence)
      .where(eq(periodStatusChangeEvidence.changeId, change.id))
      .all();
    expect(cited.map((c) => c.evidenceId)).toEqual([submitted.id]);
  });

  it("refuses a period of a one-off commitment or one not yet begun, and a commitment status a period cannot have", async () => {
    const recurring = createCommitment(commissioner, yearly());
    const oneOff = createCommitment(commissioner, yearly({ recurrence: null }));
    const future = String(elapsedCount(recurring.recurrence!, today) + 1);
    expect((await refusalOf(() => submitFor(oneOff.id, "1"))).issues).toEqual([
      { path: "period", code: "not_recurring" },
    ]);
    expect((await refusalOf(() => submitFor(recurring.id, future))).issues).toEqual([
      { path: "period", code: "period_not_elapsed" },
    ]);
    const submitted = await submitFor(recurring.id, "1");
    expect(
      refusal(() =>
        reviewEvidence(commissioner, submitted.id, { decision: "accepted", note: "x", setStatus: "in_progress" }),
      ).issues,
    ).toEqual([{ path: "setStatus", code: "invalid_choice" }]);
  });
});
