// Longitude and latitude to SVG coordinates, without a map library: at the size of one country
// an equirectangular projection whose longitudes are shortened by the cosine of the middle
// latitude keeps shapes close to true (Peru spans 18° of latitude near the equator).

/** A point as GeoJSON writes it: longitude first. */
export type LonLat = readonly [lon: number, lat: number];
/** A MultiPolygon's coordinates: polygons, each an outer ring and its holes. */
export type Polygons = readonly (readonly (readonly LonLat[])[])[];
export type Bounds = { west: number; east: number; south: number; north: number };

export type Projection = {
  width: number;
  height: number;
  /** SVG x, y (y grows downwards) of a longitude and latitude. */
  project: (lon: number, lat: number) => [x: number, y: number];
};

export function boundsOf(shapes: readonly Polygons[]): Bounds {
  const bounds = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const polygons of shapes) {
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const [lon, lat] of ring) {
          bounds.west = Math.min(bounds.west, lon);
          bounds.east = Math.max(bounds.east, lon);
          bounds.south = Math.min(bounds.south, lat);
          bounds.north = Math.max(bounds.north, lat);
        }
      }
    }
  }
  return bounds;
}

/** A projection that fits `bounds` into `width` (plus `padding` on every side); its height follows. */
export function fitProjection(bounds: Bounds, width: number, padding = 0): Projection {
  const shrink = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const scale = (width - 2 * padding) / ((bounds.east - bounds.west) * shrink);
  const height = Math.round((bounds.north - bounds.south) * scale + 2 * padding);
  return {
    width,
    height,
    project: (lon, lat) => [padding + (lon - bounds.west) * shrink * scale, padding + (bounds.north - lat) * scale],
  };
}

const at = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of polygons: one closed subpath per ring (holes cut out with the even-odd rule). */
export function pathOf(polygons: Polygons, projection: Projection): string {
  return polygons
    .flatMap((rings) =>
      rings.map(
        (ring) =>
          ring
            .map(([lon, lat], i) => {
              const [x, y] = projection.project(lon, lat);
              return `${i === 0 ? "M" : "L"}${at(x)} ${at(y)}`;
            })
            .join("") + "Z",
      ),
    )
    .join("");
}
