import { describe, expect, it } from "vitest";
import { niceTicks } from "./geometry";

describe("niceTicks", () => {
  it("covers the largest bar in at most 5 whole steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(6)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(21)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(101)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(200_000)).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
    for (let max = 1; max < 5000; max += 7) {
      const ticks = niceTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });
});
