import { describe, expect, it } from "vitest";
import { PERU_BOUNDS } from "../db/commands/mesa-input";
import { STATUSES, THEMES } from "../db/enums";
import { generate, type Batch, type GenerateOptions } from "./generate";
import { PLACES, REGION_CENTRES } from "./names";
import { apportion, createRng } from "./prng";
import { percentile } from "./stats";

const tiny: GenerateOptions = { mesas: 4, commitments: 300, evidence: 900, seed: 7, until: "2026-11-30" };

type Row = Record<string, string | number | null>;

function collect(options: GenerateOptions) {
  const { catalogue, batches } = generate(options);
  const rows: Record<keyof Batch, Row[]> = {
    commitments: [],
    commitmentParties: [],
    statusChanges: [],
    evidence: [],
    commitmentPeriods: [],
  };
  for (const batch of batches()) for (const key of Object.keys(rows) as (keyof Batch)[]) rows[key].push(...batch[key]);
  return { catalogue, ...rows };
}

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
  return groups;
}

describe("bench data generator", () => {
  it("gives the same rows for the same seed, other rows for another seed", () => {
    expect(JSON.stringify(collect(tiny))).toBe(JSON.stringify(collect(tiny)));
    expect(JSON.stringify(collect({ ...tiny, seed: 8 }))).not.toBe(JSON.stringify(collect(tiny)));
  });

  it("makes the requested numbers of mesas, commitments and evidence", () => {
    const data = collect(tiny);
    expect(data.catalogue.mesas).toHaveLength(4);
    expect(data.commitments).toHaveLength(300);
    expect(data.evidence).toHaveLength(900);
    expect(new Set(data.catalogue.parties.map((p) => p.slug)).size).toBe(data.catalogue.parties.length);
  });

  it("places every mesa in Peru, near its region", () => {
    expect(Object.keys(REGION_CENTRES).sort()).toEqual(Object.keys(PLACES).sort());
    for (const mesa of collect({ ...tiny, mesas: 40 }).catalogue.mesas) {
      const [latitude, longitude] = REGION_CENTRES[mesa.region as string];
      expect(Math.abs((mesa.latitude as number) - latitude)).toBeLessThanOrEqual(0.201);
      expect(Math.abs((mesa.longitude as number) - longitude)).toBeLessThanOrEqual(0.201);
      expect(mesa.latitude).toBeGreaterThanOrEqual(PERU_BOUNDS.south);
      expect(mesa.latitude).toBeLessThanOrEqual(PERU_BOUNDS.north);
      expect(mesa.longitude).toBeGreaterThanOrEqual(PERU_BOUNDS.west);
      expect(mesa.longitude).toBeLessThanOrEqual(PERU_BOUNDS.east);
    }
  });

  it("makes a few commitments recur, their periods' statuses within the elapsed ones", () => {
    const data = collect(tiny);
    const recurring = data.commitments.filter((c) => c.recurrence !== null);
    expect(recurring.length).toBeGreaterThan(3);
    expect(recurring.length).toBeLessThan(data.commitments.length / 5);
    const ids = new Set(recurring.map((c) => c.id));
    expect(data.commitmentPeriods.length).toBeGreaterThan(0);
    for (const period of data.commitmentPeriods) expect(ids.has(period.commitment_id)).toBe(true);
  });

  it("chains each commitment's history from a first 'pending' entry to its status, in time order", () => {
    const data = collect(tiny);
    const history = groupBy(data.statusChanges, "commitment_id");
    for (const c of data.commitments) {
      const changes = history.get(c.id)!;
      expect(changes[0]).toMatchObject({ from_status: null, to_status: "pending" });
      changes.slice(1).forEach((change, i) => {
        expect(change.from_status).toBe(changes[i].to_status);
        expect(String(change.changed_at) > String(changes[i].changed_at)).toBe(true);
      });
      expect(changes.at(-1)!.to_status).toBe(c.status);
      expect(String(changes[0].changed_at).slice(0, 10)).toBe(c.made_on);
      expect((c.status === "superseded") === (c.superseded_by !== null)).toBe(true);
    }
    // ~1.6 changes per commitment on average.
    expect(data.statusChanges.length / data.commitments.length).toBeGreaterThan(1.4);
    expect(data.statusChanges.length / data.commitments.length).toBeLessThan(1.8);
  });

  it("gives every commitment one lead among 1–3 responsible parties, and uses every theme", () => {
    const data = collect({ ...tiny, commitments: 2000, evidence: 0 });
    const links = groupBy(data.commitmentParties, "commitment_id");
    for (const c of data.commitments) {
      const own = links.get(c.id)!;
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.filter((l) => l.is_lead === 1)).toHaveLength(1);
    }
    expect(new Set(data.commitments.map((c) => c.theme))).toEqual(new Set(THEMES));
    expect(new Set(data.commitments.map((c) => c.status))).toEqual(new Set(STATUSES));
  });
});

describe("bench helpers", () => {
  it("apportions a total exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.2, 5, 1.3]).reduce((a, b) => a + b)).toBe(7);
  });

  it("draws the same numbers from the same seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("computes nearest-rank percentiles", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile([3], 95)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});
