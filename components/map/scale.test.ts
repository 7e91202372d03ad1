import { describe, expect, it } from "vitest";
import { markRadius, MAX_RADIUS, MIN_RADIUS, rateBand } from "./scale";

describe("rateBand", () => {
  it("names the band of a compliance rate, its edges included in the upper band", () => {
    expect(rateBand(null)).toBe("none");
    expect(rateBand(0)).toBe("low");
    expect(rateBand(0.4999)).toBe("low");
    expect(rateBand(0.5)).toBe("mid");
    expect(rateBand(0.7999)).toBe("mid");
    expect(rateBand(0.8)).toBe("high");
    expect(rateBand(1)).toBe("high");
  });
});

describe("markRadius", () => {
  it("grows the area with the commitments, the largest mesa at the maximum", () => {
    expect(markRadius(40, 40)).toBe(MAX_RADIUS);
    expect(markRadius(0, 40)).toBe(MIN_RADIUS);
    expect(markRadius(0, 0)).toBe(MIN_RADIUS);
    // A quarter of the commitments: half the way in radius (a quarter of the extra area).
    expect(markRadius(10, 40)).toBe((MIN_RADIUS + MAX_RADIUS) / 2);
    expect(markRadius(20, 40)).toBeLessThan(markRadius(30, 40));
  });
});
