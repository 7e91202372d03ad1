import Link from "next/link";
import type { MesaDetail } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

export function MesaFacts({ mesa, m, f }: { mesa: MesaDetail; m: Messages; f: Formatter }) {
  return (
    <>
      <dl className="facts">
        <dt>{m.overview.status}</dt>
        <dd>{m.mesaStatus[mesa.status]}</dd>
        <dt>{m.mesa.location}</dt>
        <dd>{[mesa.district, mesa.province, mesa.region].filter(Boolean).join(", ")}</dd>
        {mesa.convenedOn && (
          <>
            <dt>{m.mesa.convenedOn}</dt>
            <dd>{f.date(mesa.convenedOn)}</dd>
          </>
        )}
        {mesa.conveningBody && (
          <>
            <dt>{m.mesa.conveningBody}</dt>
            <dd>{mesa.conveningBody}</dd>
          </>
        )}
        {mesa.sourceLinks.length > 0 && (
          <>
            <dt>{m.mesa.sources}</dt>
            <dd>
              {mesa.sourceLinks.map((url) => (
                <a key={url} href={url} rel="noopener noreferrer" className="source-link">
                  {new URL(url).hostname}
                </a>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h3>{m.mesa.parties}</h3>
      <ul>
        {mesa.parties.map((p) => (
          <li key={p.slug}>
            <Link href={`/parties/${p.slug}`}>{p.name}</Link> — {m.role[p.role]} ({m.partyKind[p.kind]})
          </li>
        ))}
      </ul>
    </>
  );
}
