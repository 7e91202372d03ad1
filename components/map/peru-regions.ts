import regions from "@/public/geo/peru-regions.json";
import { boundsOf, fitProjection, pathOf, type Polygons } from "./projection";

// Peru's first-level divisions (public/geo/peru-regions.json: Natural Earth, public domain; see
// public/geo/LICENCE.md), projected once per server process: the map is the same for everyone.

type RegionFeature = { id: string; properties: { name: string }; geometry: { coordinates: Polygons } };
const features = regions.features as unknown as RegionFeature[];

/** The map's width in SVG units; its height follows from Peru's shape. */
const MAP_WIDTH = 480;

export const PERU_PROJECTION = fitProjection(boundsOf(features.map((f) => f.geometry.coordinates)), MAP_WIDTH, 12);

export const PERU_REGION_PATHS = features.map((f) => ({
  name: f.properties.name,
  d: pathOf(f.geometry.coordinates, PERU_PROJECTION),
}));
