import type { MesaSummary } from "@/db/queries/mesas";
import { fill } from "@/i18n/fill";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";
import { PERU_PROJECTION, PERU_REGION_PATHS } from "./peru-regions";
import { BAND_FILL, markRadius, RATE_BANDS, rateBand } from "./scale";

export type MapMesa = Pick<
  MesaSummary,
  "slug" | "name" | "region" | "total" | "complianceRate" | "latitude" | "longitude"
>;

/** Up to this many marks, each also shows its rate in figures beside it (more would overlap). */
const LABELS_UP_TO = 25;

/** A mark's accessible name: the same figures as the table, in words. */
export function markLabel(mesa: MapMesa, m: Messages, f: Formatter) {
  return fill(m.map.markLabel, {
    name: mesa.name,
    region: mesa.region,
    commitments: f.number(mesa.total),
    rate: f.rate(mesa.complianceRate, m.common.noRate),
  });
}

/** What the map and its table draw from. */
export type MapProps = {
  mesas: readonly MapMesa[];
  m: Messages;
  f: Formatter;
  /** `_blank` in an embed: the mesa's page refuses to be framed. */
  target?: "_blank";
};

/**
 * The mesas on a map of Peru, drawn on the server: no tiles, no script, nothing fetched. Each
 * placed mesa is a link to its page (keyboard-focusable, named with its figures), coloured by
 * its compliance band and sized by its commitments; the legend says both in words.
 */
export function MesaMap({ mesas, m, f, target }: MapProps) {
  const { width, height, project } = PERU_PROJECTION;
  const placed = mesas.filter((mesa) => mesa.latitude !== null && mesa.longitude !== null);
  const most = Math.max(0, ...placed.map((mesa) => mesa.total));
  // The biggest first, so that a small mark is never hidden under a big one.
  const marks = placed
    .map((mesa) => {
      const [x, y] = project(mesa.longitude!, mesa.latitude!);
      return { mesa, x, y, r: markRadius(mesa.total, most), band: rateBand(mesa.complianceRate) };
    })
    .sort((a, b) => b.r - a.r || a.mesa.name.localeCompare(b.mesa.name));
  const showRates = marks.length <= LABELS_UP_TO;

  return (
    <figure className="mesa-map">
      <svg viewBox={`0 0 ${width} ${height}`} className="mesa-map-svg" aria-labelledby="mesa-map-title mesa-map-desc">
        <title id="mesa-map-title">{m.map.svgTitle}</title>
        <desc id="mesa-map-desc">
          {fill(m.map.svgDescription, { placed: f.number(placed.length), total: f.number(mesas.length) })}
        </desc>
        <g className="map-regions" aria-hidden="true">
          {PERU_REGION_PATHS.map((region, i) => (
            <path key={i} d={region.d}>
              <title>{region.name}</title>
            </path>
          ))}
        </g>
        <g className="map-marks">
          {marks.map(({ mesa, x, y, r, band }) => {
            const label = markLabel(mesa, m, f);
            return (
              <a key={mesa.slug} href={`/mesas/${mesa.slug}`} aria-label={label} target={target} data-band={band}>
                <title>{label}</title>
                <circle className="map-focus-ring" cx={x} cy={y} r={r + 4} />
                <circle className="map-mark" cx={x} cy={y} r={r} fill={BAND_FILL[band]} />
                {showRates && (
                  <text x={x + r + 3} y={y + 4} className="map-mark-rate" aria-hidden="true">
                    {f.rate(mesa.complianceRate, "–")}
                  </text>
                )}
              </a>
            );
          })}
        </g>
      </svg>
      <figcaption className="map-legend">
        <strong>{m.map.legend}</strong>
        <span>{m.map.legendColour}:</span>
        <ul>
          {RATE_BANDS.map((band) => (
            <li key={band}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="6.5" className="map-mark" data-band={band} fill={BAND_FILL[band]} />
              </svg>
              {m.map.bands[band]}
            </li>
          ))}
        </ul>
        <span>{fill(m.map.legendSize, { most: f.number(most) })}</span>
        <span className="muted">{m.map.boundaries}</span>
      </figcaption>
    </figure>
  );
}
