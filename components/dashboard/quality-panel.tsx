import { TableScroll } from "@/components/ui/table-scroll";
import type { Quality, Stats } from "@/db/queries/stats";
import { QUALITY_FILTERS, type QualityFilter } from "@/db/enums";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { DashboardLabels } from "./labels";

/**
 * CONTRACT §1 agreement quality beside the compliance figures. Each figure links to the list of
 * the commitments it counts: the mesa's own list on a mesa page, else the per-mesa table below,
 * whose cells link to each mesa's list.
 */
export function QualityPanel({
  quality,
  byMesa,
  listHref,
  labels,
  f,
  idPrefix = "",
  level = 3,
}: {
  quality: Quality;
  /** One mesa (a mesa page): its follow-up body is shown. Several: a table per mesa. */
  byMesa: Stats["byMesa"];
  /** The list of a figure's commitments; null when the figures are of a past day. */
  listHref: ((mesaSlug: string, fact: QualityFilter) => string) | null;
  labels: DashboardLabels;
  f: Formatter;
  /** As ChangesPanel's: apart ids and the heading's rank when a report shows several. */
  idPrefix?: string;
  level?: 2 | 3;
}) {
  const q = labels.quality;
  const Heading = level === 2 ? "h2" : "h3";
  const single = byMesa.length === 1 ? byMesa[0] : null;
  const share = (n: number, total: number) => fill(q.share, { n: f.number(n), total: f.number(total) });
  return (
    <section aria-labelledby={`${idPrefix}quality`} className="quality">
      <Heading id={`${idPrefix}quality`}>{q.heading}</Heading>
      <p className="muted">{q.intro}</p>
      <ul className="totals">
        {QUALITY_FILTERS.map((fact) => (
          <li key={fact} data-quality={fact}>
            {listHref ? (
              <a href={single ? listHref(single.slug, fact) : `#${idPrefix}quality-by-mesa`}>{q[fact]}</a>
            ) : (
              q[fact]
            )}
            <strong>{share(quality[fact], quality.total)}</strong>
          </li>
        ))}
        {single && (
          <li data-quality="followUpBody">
            <span>{q.followUpBody}</span>
            <strong>{single.followUpBody ?? q.noFollowUpBody}</strong>
          </li>
        )}
      </ul>
      {!single && byMesa.length > 0 && (
        <TableScroll label={q.byMesa}>
          <table>
            <caption id={`${idPrefix}quality-by-mesa`}>{q.byMesa}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.common.mesa}</th>
                <th scope="col" className="num">
                  {q.total}
                </th>
                {QUALITY_FILTERS.map((fact) => (
                  <th key={fact} scope="col" className="num">
                    {q[fact]}
                  </th>
                ))}
                <th scope="col">{q.followUpBody}</th>
              </tr>
            </thead>
            <tbody>
              {byMesa.map((mesa) => (
                <tr key={mesa.slug}>
                  <th scope="row">{mesa.name}</th>
                  <td className="num">{f.number(mesa.quality.total)}</td>
                  {QUALITY_FILTERS.map((fact) => (
                    <td key={fact} className="num">
                      {listHref ? (
                        <a href={listHref(mesa.slug, fact)}>{f.number(mesa.quality[fact])}</a>
                      ) : (
                        f.number(mesa.quality[fact])
                      )}
                    </td>
                  ))}
                  <td>{mesa.followUpBody ?? q.noFollowUpBody}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
