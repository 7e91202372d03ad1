import { ExternalLink } from "@/components/ui/external-link";
import type { MesaProfile } from "@/db/queries/mesas";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";

export function MesaFacts({ mesa, m, f }: { mesa: MesaProfile; m: Messages; f: Formatter }) {
  return (
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
            {mesa.sourceLinks.map((url, i) => (
              <p key={i}>
                <ExternalLink href={url} />
              </p>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}
