import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { appTimeZone } from "../config";
import { shiftDate, todayIn } from "../rules";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { findMonitorCommitment, listMonitorCommitments } from "./monitor";

const today = todayIn(appTimeZone());

let ids: Record<string, number>;
let monitor: Viewer;
let admin: Viewer;
let unassigned: Viewer;

beforeAll(() => {
  const alpha = makeMesa("alpha");
  const beta = makeMesa("beta");
  const party = makeParty();
  const open = (mesaId: number, dueOn: string | null, extra: Partial<Parameters<typeof makeCommitment>[0]> = {}) =>
    makeCommitment({ mesaId, partyIds: [party.id], status: "pending", dueOn, madeOn: "2020-01-01", ...extra }).id;

  ids = {
    noDeadline: open(alpha.id, null, { code: "A-1" }),
    dueLater: open(alpha.id, shiftDate(today, 30), { code: "A-2", status: "partial" }),
    dueToday: open(alpha.id, today, { code: "A-3", status: "in_progress" }),
    overdueRecent: open(alpha.id, shiftDate(today, -1), { code: "A-4" }),
    overdueOld: open(alpha.id, shiftDate(today, -90), { code: "A-5", visibility: "restricted" }),
    fulfilled: open(alpha.id, shiftDate(today, -5), { code: "A-6", status: "fulfilled" }),
    broken: open(alpha.id, shiftDate(today, -5), { code: "A-7", status: "broken" }),
    betaPublic: open(beta.id, shiftDate(today, -200), { code: "B-1" }),
    betaRestricted: open(beta.id, shiftDate(today, -200), { code: "B-2", visibility: "restricted" }),
  };
  monitor = { userId: makeUser("monitor").id, name: "Monitor", role: "monitor", mesaIds: [alpha.id] };
  admin = { userId: makeUser("admin").id, name: "Admin", role: "admin", mesaIds: [] };
  unassigned = { userId: makeUser("monitor").id, name: "Nuevo", role: "monitor", mesaIds: [] };
});

describe("monitor work list", () => {
  it("lists the open commitments of the assigned mesas, overdue first, then by deadline, none last", () => {
    const list = listMonitorCommitments(monitor).data;
    expect(list.map((c) => c.id)).toEqual([
      ids.overdueOld,
      ids.overdueRecent,
      ids.dueToday,
      ids.dueLater,
      ids.noDeadline,
    ]);
    expect(list.map((c) => c.overdue)).toEqual([true, true, false, false, false]);
  });

  it("includes the restricted commitments of the viewer's mesas, with the mesa's name", () => {
    const restricted = listMonitorCommitments(monitor).data.find((c) => c.id === ids.overdueOld)!;
    expect(restricted).toMatchObject({
      code: "A-5",
      mesaName: "Mesa alpha",
      visibility: "restricted",
      dueOn: shiftDate(today, -90),
    });
  });

  it("leaves out closed commitments and public commitments of mesas the viewer is not assigned to", () => {
    const listed = listMonitorCommitments(monitor).data.map((c) => c.id);
    for (const id of [ids.fulfilled, ids.broken, ids.betaPublic, ids.betaRestricted]) expect(listed).not.toContain(id);
  });

  it("gives admins the open commitments of every mesa", () => {
    const listed = listMonitorCommitments(admin).data.map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([ids.betaPublic, ids.betaRestricted, ids.overdueOld]));
    expect(listed).not.toContain(ids.fulfilled);
    expect(listed.indexOf(ids.betaRestricted)).toBeLessThan(listed.indexOf(ids.overdueOld));
  });

  it("is empty for the public and for staff without assigned mesas", () => {
    expect(listMonitorCommitments(null)).toEqual({ data: [], page: 1, pageSize: 25, total: 0 });
    expect(listMonitorCommitments(unassigned).data).toEqual([]);
    expect(findMonitorCommitment(null, ids.noDeadline)).toBeNull();
    expect(findMonitorCommitment(unassigned, ids.noDeadline)).toBeNull();
  });

  it("pages in SQL, in the same order, with the total; a page past the end shows the last", () => {
    const all = listMonitorCommitments(monitor).data.map((c) => c.id);
    const pages = [1, 2, 3].map((page) => listMonitorCommitments(monitor, { page, pageSize: 2 }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.data.map((c) => c.id))).toEqual(all);
    expect(pages[2].data).toHaveLength(1);
    expect(listMonitorCommitments(monitor, { page: 9, pageSize: 2 })).toMatchObject({ page: 3, total: 5 });
  });

  it("finds one commitment of the work list by id, and nothing outside it", () => {
    expect(findMonitorCommitment(monitor, ids.overdueOld)).toMatchObject({ code: "A-5", mesaName: "Mesa alpha" });
    for (const id of [ids.fulfilled, ids.betaPublic, 999_999]) expect(findMonitorCommitment(monitor, id)).toBeNull();
    expect(findMonitorCommitment(admin, ids.betaRestricted)?.code).toBe("B-2");
  });

  it("gives each commitment the state and time of its newest evidence, whoever logged it", () => {
    const other = makeUser("monitor").id;
    makeEvidence(ids.dueToday, monitor!.userId, "accepted");
    const newest = makeEvidence(ids.dueToday, other, "rejected");
    const only = makeEvidence(ids.dueLater, monitor!.userId, "submitted");
    const latest = new Map(listMonitorCommitments(monitor).data.map((c) => [c.id, c.latestEvidence]));
    expect(latest.get(ids.dueToday)).toEqual({ reviewState: "rejected", submittedAt: newest.createdAt });
    expect(latest.get(ids.dueLater)).toEqual({ reviewState: "submitted", submittedAt: only.createdAt });
    expect(latest.get(ids.noDeadline)).toBeNull();
    expect(findMonitorCommitment(monitor, ids.dueToday)?.latestEvidence?.reviewState).toBe("rejected");

    makeEvidence(ids.dueToday, monitor!.userId, "submitted");
    expect(findMonitorCommitment(monitor, ids.dueToday)?.latestEvidence?.reviewState).toBe("submitted");
  });
});

describe("a recurring commitment on the work list", () => {
  it("brings its elapsed periods, the current one first, and none for a one-off one", () => {
    const mesa = makeMesa("gamma");
    const party = makeParty();
    const made = shiftDate(today, -70);
    const id = makeCommitment({ mesaId: mesa.id, partyIds: [party.id], madeOn: made, recurrence: "monthly" }).id;
    const oneOff = makeCommitment({ mesaId: mesa.id, partyIds: [party.id], madeOn: made }).id;
    const viewer: Viewer = { userId: makeUser("monitor").id, name: "M", role: "monitor", mesaIds: [mesa.id] };
    const periods = findMonitorCommitment(viewer, id)!.periods;
    expect(periods.length).toBeGreaterThanOrEqual(3);
    expect(periods.map((p) => p.n)).toEqual([...periods.map((p) => p.n)].sort((a, b) => b - a));
    expect(periods[0].startsOn <= today && today <= periods[0].dueOn).toBe(true);
    expect(periods.at(-1)).toMatchObject({ n: 1, startsOn: made });
    expect(findMonitorCommitment(viewer, oneOff)!.periods).toEqual([]);
  });
});
