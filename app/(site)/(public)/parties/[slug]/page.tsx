import type { Metadata } from "next";
import { cache, Suspense } from "react";
import Link from "next/link";
import { FollowLink } from "@/components/subscribe/follow-link";
import { notFound } from "next/navigation";
import { Loading } from "@/components/layout/loading";
import { pageOf } from "@/components/ui/page-of";
import { TableScroll } from "@/components/ui/table-scroll";
import { Pagination } from "@/components/ui/pagination";
import { dashboardParamsSchema, firstValues, pageParamSchema, parseLeniently } from "@/db/queries/filters";
import type { Viewer } from "@/db/access";
import { pageViewer } from "@/app/page-viewer";
import { getParty } from "@/db/queries/parties";
import { findPartyProfile } from "@/db/queries/party-profile";
import type { Messages } from "@/i18n/messages/es";
import { getI18n } from "@/i18n/server";
import { DashboardSection } from "@/app/dashboard-section";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A party may take part in every mesa: its table comes a page at a time. */
const MESAS_PAGE_SIZE = 25;

/** The party's own facts: one load per request, shared by the metadata and the page. */
const profileFor = cache(async (slug: string) => findPartyProfile(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const party = await profileFor((await params).slug);
  return party ? { title: party.name } : {};
}

/** 404 is decided before anything is sent; the scorecard, which counts, streams in Suspense. */
export default async function PartyPage({ params, searchParams }: Props) {
  const [{ slug }, raw, viewer, { m }] = await Promise.all([params, searchParams, pageViewer(), getI18n()]);
  const query = firstValues(raw);
  const { page } = parseLeniently(pageParamSchema, query);
  const party = await profileFor(slug);
  if (!party) notFound();

  return (
    <>
      <h1>{party.name}</h1>
      <p className="lead">
        {m.partyPage.kind}: {m.partyKind[party.kind]}
      </p>
      <FollowLink href={`/subscribe?party=${party.slug}`} label={m.subscribe.followLink} />
      <section aria-labelledby="dashboard">
        <h2 id="dashboard">{m.dashboard.heading}</h2>
        <Suspense fallback={<Loading />}>
          <DashboardSection
            viewer={viewer}
            view={parseLeniently(dashboardParamsSchema, query)}
            charts={["status-by-mesa", "monthly", "due-soon", "themes"]}
            fixed={{ party: party.slug }}
            filters={["mesa", "theme"]}
            embed={{ path: `/embed/parties/${party.slug}`, title: party.name }}
          />
        </Suspense>
      </section>
      <Suspense fallback={<Loading />}>
        <Scorecard viewer={viewer} slug={party.slug} page={page} m={m} />
      </Suspense>
    </>
  );
}

async function Scorecard({
  viewer,
  slug,
  page: requested,
  m,
}: {
  viewer: Viewer;
  slug: string;
  page: number;
  m: Messages;
}) {
  const party = await getParty(viewer, slug);
  if (!party) return null;
  const { rows, page } = pageOf(party.mesas, requested, MESAS_PAGE_SIZE);
  return (
    <>
      <section aria-labelledby="by-mesa">
        <h2 id="by-mesa">{m.partyPage.mesas}</h2>
        <TableScroll label={m.partyPage.mesas}>
          <table>
            <thead>
              <tr>
                <th scope="col">{m.common.mesa}</th>
                <th scope="col">{m.partyPage.role}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((mesa) => (
                <tr key={mesa.slug}>
                  <th scope="row">
                    <Link href={`/mesas/${mesa.slug}?party=${party.slug}#commitments`}>{mesa.name}</Link>
                  </th>
                  <td>{mesa.role ? m.role[mesa.role] : m.partyPage.noRole}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination
          path={`/parties/${party.slug}`}
          params={{}}
          page={page}
          pageSize={MESAS_PAGE_SIZE}
          total={party.mesas.length}
          m={m.pagination}
          fragment="#by-mesa"
        />
      </section>
    </>
  );
}
