import type { Status } from "@/db/enums";

// Okabe–Ito colours (with its grey), distinguishable with every common colour-vision deficiency,
// each status given the hue of its badge in app/globals.css. `ink` is the colour of a figure
// written on the colour (at least 4.5:1 against it).

export type Swatch = { fill: string; ink: string };

const BLACK = "#000000";
const WHITE = "#ffffff";

export const STATUS_COLOURS: Record<Status, Swatch> = {
  pending: { fill: "#999999", ink: BLACK },
  in_progress: { fill: "#0072B2", ink: WHITE },
  partial: { fill: "#CC79A7", ink: BLACK },
  fulfilled: { fill: "#009E73", ink: BLACK },
  broken: { fill: "#D55E00", ink: BLACK },
  superseded: { fill: "#E69F00", ink: BLACK },
};

/** Darker than broken, as the overdue badge is. */
export const OVERDUE_COLOUR: Swatch = { fill: BLACK, ink: WHITE };
export const DUE_SOON_COLOUR: Swatch = { fill: "#56B4E9", ink: BLACK };
export const RATE_COLOUR = "#0072B2";
/** Text, axes and the outline that keeps light colours apart from the white page. */
export const CHART_INK = "#1b1f24";
export const GRID = "#d5dae0";
