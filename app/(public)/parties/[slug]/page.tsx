import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusTotals } from "@/components/stats/status-totals";
import { getViewer } from "@/db/session";
import { getParty } from "@/db/queries/parties";
import { getI18n } from "@/i18n/server";

type Props = { params: Promise<{ slug: string }> };

/** One load per request, shared by the metadata and the page. */
const partyFor = cache(async (slug: string) => getParty(await getViewer(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const party = await partyFor((await params).slug);
  return party ? { title: party.name } : {};
}

export default async function PartyPage({ params }: Props) {
  const [{ slug }, { m, f }] = await Promise.all([params, getI18n()]);
  const party = await partyFor(slug);
  if (!party) notFound();

  return (
    <>
      <h1>{party.name}</h1>
      <p className="lead">
        {m.partyPage.kind}: {m.partyKind[party.kind]}
      </p>
      <StatusTotals counts={party.counts} complianceRate={party.complianceRate} m={m} f={f} />

      <section aria-labelledby="by-mesa">
        <h2 id="by-mesa">{m.partyPage.mesas}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{m.common.mesa}</th>
                <th scope="col">{m.partyPage.role}</th>
                <th scope="col" className="num">
                  {m.common.commitments}
                </th>
                <th scope="col" className="num">
                  {m.overdue}
                </th>
                <th scope="col" className="num">
                  {m.status.broken}
                </th>
                <th scope="col" className="num">
                  {m.common.complianceRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {party.mesas.map((mesa) => (
                <tr key={mesa.slug}>
                  <th scope="row">
                    <Link href={`/mesas/${mesa.slug}?party=${party.slug}#commitments`}>{mesa.name}</Link>
                  </th>
                  <td>{mesa.role ? m.role[mesa.role] : m.partyPage.noRole}</td>
                  <td className="num">{f.number(mesa.total)}</td>
                  <td className="num">{f.number(mesa.counts.overdue)}</td>
                  <td className="num">{f.number(mesa.counts.broken)}</td>
                  <td className="num">{f.rate(mesa.complianceRate, m.common.noRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
