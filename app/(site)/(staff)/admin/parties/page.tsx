import type { Metadata } from "next";
import Link from "next/link";
import { PartyForm } from "@/components/editing/party-form";
import { listParties } from "@/db/queries/parties";
import { PARTY_KINDS } from "@/db/enums";
import { getI18n } from "@/i18n/server";
import { requireAdminPage } from "../../guard";
import { createPartyAction, updatePartyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.editing.parties };
}

/** Parties are shared by every mesa, so only admins register and edit them. */
export default async function PartiesAdminPage() {
  await requireAdminPage("/admin/parties");
  const { m } = await getI18n();
  const e = m.editing;
  const parties = listParties();

  return (
    <>
      <h1>{e.parties}</h1>
      <p className="lead">{e.partiesIntro}</p>

      <section aria-labelledby="new-party">
        <h2 id="new-party">{e.newParty}</h2>
        <PartyForm action={createPartyAction} kinds={PARTY_KINDS} m={m} />
      </section>

      <section aria-labelledby="existing-parties">
        <h2 id="existing-parties">{e.existingParties}</h2>
        {parties.length === 0 ? (
          <p>{e.noParties}</p>
        ) : (
          <ul className="cards">
            {parties.map((party) => (
              <li key={party.slug} className="card">
                <h3>
                  <Link href={`/parties/${party.slug}`}>{party.name}</Link>
                </h3>
                <p className="muted">{party.slug}</p>
                <PartyForm action={updatePartyAction.bind(null, party.slug)} party={party} kinds={PARTY_KINDS} m={m} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
