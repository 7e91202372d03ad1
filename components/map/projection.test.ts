import { describe, expect, it } from "vitest";
import { boundsOf, fitProjection, pathOf, type Polygons } from "./projection";
import { PERU_PROJECTION, PERU_REGION_PATHS } from "./peru-regions";

const square: Polygons = [
  [
    [
      [-76, -10],
      [-74, -10],
      [-74, -12],
      [-76, -12],
      [-76, -10],
    ],
  ],
];

describe("fitProjection", () => {
  const bounds = { west: -80, east: -70, south: -20, north: 0 };
  const { width, height, project } = fitProjection(bounds, 500, 10);

  it("puts the bounds' corners at the padded corners of the picture, north up", () => {
    expect(project(-80, 0)).toEqual([10, 10]);
    const [x, y] = project(-70, -20);
    expect(x).toBeCloseTo(490);
    expect(y).toBeCloseTo(height - 10, 0);
    expect(width).toBe(500);
  });

  it("shortens longitudes by the cosine of the middle latitude (here 10° S)", () => {
    // 10° of longitude × cos 10° over 20° of latitude, plus the padding.
    const scale = 480 / (10 * Math.cos(Math.PI / 18));
    expect(height).toBe(Math.round(20 * scale + 20));
  });

  it("keeps order: east is right, south is down", () => {
    const [x1, y1] = project(-75, -5);
    const [x2, y2] = project(-74, -6);
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeGreaterThan(y1);
  });
});

describe("pathOf", () => {
  it("draws each ring as a closed subpath in SVG units", () => {
    const projection = fitProjection(boundsOf([square]), 100);
    // 2° × 2° at 11° S: as tall as 100 / cos 11° = 101.9.
    expect(pathOf(square, projection)).toBe("M0 0L100 0L100 101.9L0 101.9L0 0Z");
  });
});

describe("Peru's regions", () => {
  it("fit the map: every region drawn, the demo mesas' places inside the picture", () => {
    expect(PERU_REGION_PATHS.map((r) => r.name)).toEqual(
      expect.arrayContaining(["Apurímac", "Cusco", "Moquegua", "Lima", "Loreto", "Callao"]),
    );
    for (const region of PERU_REGION_PATHS) expect(region.d).toMatch(/^M[\d.]+ [\d.]+L.*Z$/);
    for (const [lat, lon] of [
      [-14.12, -72.25],
      [-17.08, -70.84],
      [-14.79, -71.41],
    ]) {
      const [x, y] = PERU_PROJECTION.project(lon, lat);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(PERU_PROJECTION.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(PERU_PROJECTION.height);
    }
  });
});
