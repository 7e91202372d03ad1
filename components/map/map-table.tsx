import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import type { MapProps } from "./mesa-map";

/** The map's figures as a table: every mesa, placed or not, with what its mark shows. */
export function MapTable({ mesas, m, f, target }: MapProps) {
  const coordinate = (value: number) => value.toFixed(2);
  const anyUnplaced = mesas.some((mesa) => mesa.latitude === null || mesa.longitude === null);
  return (
    <>
      <TableScroll label={m.map.tableCaption}>
        <table className="map-table">
          <caption>{m.map.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.common.mesa}</th>
              <th scope="col">{m.overview.region}</th>
              <th scope="col" className="num">
                {m.common.commitments}
              </th>
              <th scope="col" className="num">
                {m.common.complianceRate}
              </th>
              <th scope="col">{m.map.location}</th>
            </tr>
          </thead>
          <tbody>
            {mesas.map((mesa) => (
              <tr key={mesa.slug}>
                <th scope="row">
                  <Link href={`/mesas/${mesa.slug}`} target={target}>
                    {mesa.name}
                  </Link>
                </th>
                <td>{mesa.region}</td>
                <td className="num">{f.number(mesa.total)}</td>
                <td className="num">{f.rate(mesa.complianceRate, m.common.noRate)}</td>
                <td>
                  {mesa.latitude === null || mesa.longitude === null
                    ? m.map.notPlaced
                    : `${coordinate(mesa.latitude)}, ${coordinate(mesa.longitude)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {anyUnplaced && <p className="muted">{m.map.notPlacedNote}</p>}
    </>
  );
}
