// The drawings' sizes, in SVG units. Drawn at a fixed size and scaled by CSS (charts.module.css),
// never measured: a measured size would change the drawing with the screen. Kept apart from the
// recharts components so that the figures can reserve the drawing's box without loading them.

/** Legible on a 360 px phone once scaled to its column. */
export const CHART_WIDTH = 340;

export const MONTHLY_SIZE = { width: CHART_WIDTH, height: 200 };

// Horizontal bars (stacked-bars.tsx).
export const BAR = 18;
/** Room for a row's name on up to two lines above its bar (mesa names are long and alike at the start). */
const NAME = 30;
/** Rows are this far apart; the bar sits in the middle of its row, so its name reaches up into the row above's gap. */
const ROW = NAME + BAR + 14;
export const AXIS = 24;
export const MARGIN = { top: NAME - (ROW - BAR) / 2 + 2, right: 36, bottom: 4, left: 4 };
/** The bars' length for the top of the scale; the category axis takes 1 unit (see stacked-bars.tsx). */
export const PLOT = CHART_WIDTH - MARGIN.left - MARGIN.right - 1;

export const stackedBarsSize = (rows: number) => ({
  width: CHART_WIDTH,
  height: MARGIN.top + rows * ROW + AXIS + MARGIN.bottom,
});

/** Whole numbers from 0 to at least `max`, in at most 5 steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number): number[] {
  const power = Math.max(1, 10 ** Math.floor(Math.log10(max / 4)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => Math.ceil(max / s) <= 5) ?? 10 * power;
  const steps = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}
