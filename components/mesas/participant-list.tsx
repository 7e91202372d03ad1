import Link from "next/link";
import type { MesaParty } from "@/db/queries/mesas";
import type { Messages } from "@/i18n/messages/es";

export function ParticipantList({ parties, m }: { parties: MesaParty[]; m: Messages }) {
  return (
    <ul>
      {parties.map((p) => (
        <li key={p.slug}>
          <Link href={`/parties/${p.slug}`}>{p.name}</Link> — {m.role[p.role]} ({m.partyKind[p.kind]})
        </li>
      ))}
    </ul>
  );
}
