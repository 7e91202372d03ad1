import Link from "next/link";
import type { MesaSummary } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

/** While there are few mesas: one card each. */
export function MesaCards({ mesas, m, f }: { mesas: MesaSummary[]; m: Messages; f: Formatter }) {
  return (
    <ul className="cards">
      {mesas.map((mesa) => (
        <li key={mesa.slug} className="card">
          <h3>
            <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
          </h3>
          <dl className="facts">
            <dt>{m.overview.region}</dt>
            <dd>{mesa.region}</dd>
            <dt>{m.overview.status}</dt>
            <dd>{m.mesaStatus[mesa.status]}</dd>
            <dt>{m.common.commitments}</dt>
            <dd>{f.number(mesa.total)}</dd>
            <dt>{m.overdue}</dt>
            <dd>{f.number(mesa.counts.overdue)}</dd>
            <dt>{m.common.complianceRate}</dt>
            <dd>{f.rate(mesa.complianceRate, m.common.noRate)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
