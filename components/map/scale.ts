// How a mesa's mark encodes its figures: colour by compliance rate (in bands a reader can name,
// with the band also in words in the legend, the mark's name and the table) and area by
// number of commitments.

export const RATE_BANDS = ["low", "mid", "high", "none"] as const;
export type RateBand = (typeof RATE_BANDS)[number];

/** Okabe–Ito hues (colour-blind safe), those of broken, superseded and fulfilled elsewhere. */
export const BAND_FILL: Record<RateBand, string> = {
  low: "#D55E00",
  mid: "#E69F00",
  high: "#009E73",
  none: "#ffffff",
};

/** Under 50 %, 50 % up to 80 %, 80 % and more; no rate when nothing was due or closed. */
export function rateBand(rate: number | null): RateBand {
  if (rate === null) return "none";
  if (rate < 0.5) return "low";
  return rate < 0.8 ? "mid" : "high";
}

export const MIN_RADIUS = 6;
export const MAX_RADIUS = 22;

/** The mark's radius: its area grows with the commitments, the largest mesa at MAX_RADIUS. */
export function markRadius(commitments: number, most: number): number {
  if (most <= 0) return MIN_RADIUS;
  const share = Math.sqrt(Math.max(0, commitments) / most);
  return Math.round((MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share) * 10) / 10;
}
