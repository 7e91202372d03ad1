import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { shiftDate, todayIn } from "../rules";
import { commitments } from "../schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { getCommitment } from "./commitment-detail";
import { listCommitments } from "./commitments";
import { QUALITY_FILTERS } from "../enums";
import { commitmentFiltersSchema } from "./filters";
import { getMesa, listMesas } from "./mesas";
import { getParty } from "./parties";
import { resolveScope } from "./scope";
import { getStats } from "./stats";

const today = todayIn(appTimeZone());
const yesterday = shiftDate(today, -1);
const filters = (raw: Record<string, string> = {}) => commitmentFiltersSchema.parse(raw);

let ids: Record<string, number>;
let admin: Viewer;

beforeAll(() => {
  const commissioner = makeUser("commissioner", "Comisionada Test");
  const monitor = makeUser("monitor", "Monitor Secreto");
  admin = { userId: makeUser("admin").id, name: "Admin", role: "admin", mesaIds: [] };
  const mesa = makeMesa("alpha");
  makeMesa("beta");
  const company = makeParty("company", "company");
  const region = makeParty("region", "regional_government");
  const community = makeParty("community");

  const at = (day: string) => `${day}T17:00:00.000Z`;
  ids = {
    mesa: mesa.id,
    company: company.id,
    shared: makeCommitment({
      mesaId: mesa.id,
      partyIds: [company.id, region.id, community.id],
      status: "broken",
      title: "Planta de tratamiento 100% operativa",
      history: [
        { to: "pending", at: at("2025-01-01"), by: commissioner.id },
        { to: "in_progress", at: at("2025-03-01"), by: commissioner.id },
        { to: "broken", at: at("2025-06-01"), by: commissioner.id },
      ],
    }).id,
    overdue: makeCommitment({ mesaId: mesa.id, partyIds: [region.id], status: "in_progress", dueOn: yesterday }).id,
    dueToday: makeCommitment({ mesaId: mesa.id, partyIds: [region.id], status: "pending", dueOn: today }).id,
    fulfilled: makeCommitment({ mesaId: mesa.id, partyIds: [company.id], status: "fulfilled", dueOn: yesterday }).id,
    restricted: makeCommitment({
      mesaId: mesa.id,
      partyIds: [company.id],
      status: "pending",
      dueOn: yesterday,
      visibility: "restricted",
      title: "Convenio de seguridad reservado",
    }).id,
  };
  ids.superseded = makeCommitment({
    mesaId: mesa.id,
    partyIds: [community.id],
    status: "superseded",
    dueOn: yesterday,
    supersededBy: ids.fulfilled,
  }).id;
  makeEvidence(ids.shared, monitor.id, "accepted");
  makeEvidence(ids.shared, monitor.id, "submitted");
});

describe("commitment list", () => {
  it("hides restricted commitments from the public, in lists and in search", () => {
    const publicList = listCommitments(null, filters());
    expect(publicList.data.map((c) => c.id)).not.toContain(ids.restricted);
    expect(listCommitments(null, filters({ q: "seguridad" })).total).toBe(0);
    expect(listCommitments(admin, filters({ q: "seguridad" })).data.map((c) => c.id)).toEqual([ids.restricted]);
  });

  it("filters to overdue: open and due before today, not due today", () => {
    const overdue = listCommitments(null, filters({ overdue: "true" }));
    expect(overdue.data.map((c) => c.id)).toEqual([ids.overdue]);
    expect(overdue.data.every((c) => c.overdue)).toBe(true);
  });

  it("searches words, so % is neither a wildcard nor a word", () => {
    expect(listCommitments(null, filters({ q: "100%" })).data.map((c) => c.id)).toEqual([ids.shared]);
    expect(listCommitments(null, filters({ q: "%" })).total).toBe(0);
  });

  it("filters by party and paginates with a total", () => {
    const page1 = listCommitments(null, filters({ party: "company", pageSize: "1" }));
    expect(page1.total).toBe(2);
    expect(page1.data).toHaveLength(1);
    const page2 = listCommitments(null, filters({ party: "company", pageSize: "1", page: "2" }));
    expect(page2.data[0].id).not.toBe(page1.data[0].id);
  });

  it("filters by each agreement-quality fact, listing exactly what the figure counts", async () => {
    const { quality } = await getStats(null, { mesaId: ids.mesa });
    for (const fact of QUALITY_FILTERS) {
      const list = listCommitments(null, filters({ mesa: "alpha", quality: fact, pageSize: "100" }));
      expect(list.total, fact).toBe(quality[fact]);
    }
    // Only the shared commitment has no deadline, and only it has accepted evidence.
    expect(listCommitments(null, filters({ quality: "withoutDeadline" })).data.map((c) => c.id)).toEqual([ids.shared]);
    expect(listCommitments(null, filters({ quality: "withoutAcceptedEvidence" })).data.map((c) => c.id)).not.toContain(
      ids.shared,
    );
    expect(quality.withoutAcceptedEvidence).toBe(4);
  });

  it("returns the contract's shape with one lead party", () => {
    const shared = listCommitments(null, filters({ status: "broken" })).data[0];
    expect(shared).toMatchObject({ id: ids.shared, mesa: "alpha", status: "broken", overdue: false, dueOn: null });
    expect(shared.responsibleParties.map((p) => [p.slug, p.lead])).toEqual([
      ["company", true],
      ["community", false],
      ["region", false],
    ]);
  });
});

describe("commitment detail", () => {
  it("is not found for the public when restricted", () => {
    expect(getCommitment(null, ids.restricted)).toBeNull();
    expect(getCommitment(admin, ids.restricted)?.id).toBe(ids.restricted);
  });

  it("shows the public accepted evidence only, without naming the monitor", () => {
    const publicView = getCommitment(null, ids.shared)!;
    expect(publicView.evidence.map((e) => e.reviewState)).toEqual(["accepted"]);
    expect(publicView.evidence[0].submittedBy).toBeNull();
    const staffView = getCommitment(admin, ids.shared)!;
    expect(staffView.evidence).toHaveLength(2);
    expect(staffView.evidence[0].submittedBy).toBe("Monitor Secreto");
  });

  it("lists the status history oldest first", () => {
    const history = getCommitment(null, ids.shared)!.history;
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, "pending"],
      ["pending", "in_progress"],
      ["in_progress", "broken"],
    ]);
    expect(history[2].by).toBe("Comisionada Test");
  });
});

describe("counts", () => {
  it("counts a commitment with three parties for each, and never a restricted one in public", async () => {
    const stats = await getStats(null);
    expect(stats.total).toBe(5);
    expect(stats.counts.broken).toBe(1);
    expect(stats.overdue).toBe(1);
    const byParty = Object.fromEntries(stats.byParty.map((p) => [p.slug, p]));
    expect(byParty.company.broken).toBe(1);
    expect(byParty.region.broken).toBe(1);
    expect(byParty.community.broken).toBe(1);
    expect(byParty.company.counts.pending).toBe(0); // the restricted one is not counted
    expect((await getStats(admin)).total).toBe(6);
  });

  it("computes compliance with superseded excluded", async () => {
    // fulfilled 1 / (fulfilled 1 + broken 1 + overdue 1)
    expect((await getStats(null)).complianceRate).toBeCloseTo(1 / 3);
    expect((await getStats(null, { partyId: ids.company })).complianceRate).toBe(0.5);
  });

  it("agrees between the mesa list, the mesa and the overall stats", async () => {
    const [alpha, beta] = await listMesas(null);
    const stats = await getStats(null);
    expect(alpha.counts).toEqual({ ...stats.counts, overdue: stats.overdue });
    expect((await getMesa(null, "alpha"))?.counts).toEqual(alpha.counts);
    expect(beta.total).toBe(0);
    expect(beta.complianceRate).toBeNull();
  });

  it("rebuilds statuses from history for asOf", async () => {
    const asOf = await getStats(null, { asOf: "2025-04-15", mesaId: ids.mesa });
    // Only commitments made by then count; the shared one was in progress on that day.
    expect(asOf.counts.in_progress).toBe(1);
    expect(asOf.counts.broken).toBe(0);
    expect(asOf.byMonth).toHaveLength(12);
    expect(asOf.byMonth.at(-1)?.month).toBe("2025-04");
  });

  it("counts the elapsed periods due in the day's month, from its first to its last day", async () => {
    const gamma = makeMesa("gamma").id;
    const id = makeCommitment({ mesaId: gamma, partyIds: [makeParty().id], madeOn: "2024-01-31" }).id;
    getDb()
      .update(commitments)
      .set({ recurrence: "monthly", startsOn: "2024-01-31" })
      .where(eq(commitments.id, id))
      .run();
    // The first period ends on the 28th (the next begins on the 29th); the second has not begun.
    expect((await getStats(null, { mesaId: gamma, asOf: "2024-02-10" })).periodsDueThisMonth).toEqual({
      from: "2024-02-01",
      to: "2024-02-29",
      total: 1,
      open: 1,
    });
    // December's: the period of 30 Nov – 30 Dec; the one begun on the 31st is due in January.
    expect((await getStats(null, { mesaId: gamma, asOf: "2024-12-31" })).periodsDueThisMonth).toEqual({
      from: "2024-12-01",
      to: "2024-12-31",
      total: 1,
      open: 1,
    });
  });

  it("gives a party's scorecard per mesa", async () => {
    const party = (await getParty(null, "company"))!;
    expect(party.mesas.map((m) => [m.slug, m.total])).toEqual([["alpha", 2]]);
    expect(await getParty(null, "nobody")).toBeNull();
  });

  it("resolves API slugs and refuses an unknown one with 400 naming it", () => {
    expect(() => resolveScope({ mesa: "nope" })).toThrow(
      expect.objectContaining({ status: 400, issues: [{ path: "mesa", code: "invalid_choice" }] }),
    );
    expect(() => resolveScope({ party: "nadie" })).toThrow(expect.objectContaining({ status: 400 }));
    expect(resolveScope({ mesa: "alpha" }).mesaId).toBe(ids.mesa);
  });
});

// Last: it adds a commitment, which would change the counts above.
describe("replacements", () => {
  it("does not name a restricted replacement to the public", () => {
    const replaced = makeCommitment({
      mesaId: ids.mesa,
      partyIds: [ids.company],
      status: "superseded",
      supersededBy: ids.restricted,
    });
    expect(getCommitment(null, replaced.id)?.supersededBy).toBeNull();
    expect(listCommitments(null, filters({ q: replaced.title })).data[0].supersededBy).toBeNull();
    expect(getCommitment(admin, replaced.id)?.supersededBy).toBe(ids.restricted);
  });
});
