import type { Metadata } from "next";
import { cache, Suspense } from "react";
import Link from "next/link";
import { FollowLink } from "@/components/subscribe/follow-link";
import { notFound } from "next/navigation";
import { CommitmentFilters } from "@/components/commitments/commitment-filters";
import { CommitmentsTable } from "@/components/commitments/commitments-table";
import { Loading } from "@/components/layout/loading";
import { MeetingList } from "@/components/mesas/meeting-list";
import { MesaFacts } from "@/components/mesas/mesa-facts";
import { ParticipantList } from "@/components/mesas/participant-list";
import { Pagination } from "@/components/ui/pagination";
import { canEditMesa } from "@/db/access";
import { pageViewer } from "@/app/page-viewer";
import { STATUSES, THEMES } from "@/db/enums";
import { listCommitments } from "@/db/queries/commitments";
import {
  commitmentFiltersSchema,
  dashboardParamsSchema,
  firstValues,
  parseLeniently,
  type CommitmentFilters as Filters,
} from "@/db/queries/filters";
import { getMesaProfile } from "@/db/queries/mesas";
import type { Viewer } from "@/db/access";
import type { Formatter } from "@/i18n/format";
import type { Messages } from "@/i18n/messages/es";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { DashboardSection } from "@/app/dashboard-section";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The mesa's own facts (no counts): one load per request, shared by the metadata and the page. */
const profileFor = cache(async (slug: string) => getMesaProfile(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mesa = await profileFor((await params).slug);
  return mesa ? { title: mesa.name } : {};
}

/**
 * The page itself knows at once whether the mesa exists (a 404 must be decided before anything
 * is sent); the counts and the commitments list, the heavy parts, stream inside Suspense.
 */
export default async function MesaPage({ params, searchParams }: Props) {
  const [{ slug }, raw, viewer, { m, f }] = await Promise.all([params, searchParams, pageViewer(), getI18n()]);
  const mesa = await profileFor(slug);
  if (!mesa) notFound();

  const { mesa: _ignored, ...requested } = firstValues(raw);
  const filters = parseLeniently(commitmentFiltersSchema, requested);
  const path = `/mesas/${mesa.slug}`;

  return (
    <>
      {/* React puts it in <head>: feed readers find the feed from the page. */}
      <link
        rel="alternate"
        type="application/atom+xml"
        href={`${path}/feed.xml`}
        title={fill(m.feed.mesaTitle, { mesa: mesa.name })}
      />
      <h1>{mesa.name}</h1>
      <FollowLink href={`/subscribe?mesa=${mesa.slug}`} label={m.subscribe.followLink} />
      <section aria-labelledby="dashboard">
        <h2 id="dashboard">{m.mesa.dashboard}</h2>
        <p className="lead">{mesa.description}</p>
        <Suspense fallback={<Loading />}>
          <DashboardSection
            viewer={viewer}
            view={parseLeniently(dashboardParamsSchema, requested)}
            charts={["parties", "monthly", "due-soon", "themes"]}
            fixed={{ mesa: mesa.slug }}
            filters={[]}
            embed={{ path: `/embed/mesas/${mesa.slug}`, title: mesa.name }}
          />
        </Suspense>
        <MesaFacts mesa={mesa} m={m} f={f} />
      </section>

      <section aria-labelledby="commitments">
        <h2 id="commitments">{m.mesa.commitments}</h2>
        {canEditMesa(viewer, mesa.id) && (
          <p className="actions">
            <Link href={`${path}/commitments/new`} className="button button-primary">
              {m.forms.create}
            </Link>{" "}
            <Link href={`${path}/edit`} className="button">
              {m.editing.editMesa}
            </Link>{" "}
            <Link href={`${path}/meetings/new`} className="button">
              {m.editing.newMeeting}
            </Link>
            <Link href={`${path}/import`} className="button">
              {m.importPage.link}
            </Link>
          </p>
        )}
        <CommitmentFilters
          action={path}
          filters={filters}
          parties={mesa.parties}
          statuses={STATUSES}
          themes={THEMES}
          m={m}
        />
        <Suspense fallback={<Loading />}>
          <MesaCommitments viewer={viewer} filters={{ ...filters, mesa: mesa.slug }} path={path} m={m} f={f} />
        </Suspense>
      </section>

      <section aria-labelledby="meetings">
        <h2 id="meetings">{m.mesa.meetings}</h2>
        <MeetingList meetings={mesa.meetings} m={m} f={f} />
      </section>

      <section aria-labelledby="participants">
        <h2 id="participants">{m.mesa.parties}</h2>
        <ParticipantList parties={mesa.parties} m={m} />
      </section>
    </>
  );
}

type Part = { viewer: Viewer; m: Messages; f: Formatter };

async function MesaCommitments({ viewer, filters, path, m, f }: Part & { filters: Filters; path: string }) {
  const list = listCommitments(viewer, filters);
  const kept = Object.fromEntries(
    Object.entries({
      q: filters.q,
      status: filters.status,
      party: filters.party,
      theme: filters.theme,
      quality: filters.quality,
      overdue: filters.overdue ? "true" : undefined,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return (
    <>
      <CommitmentsTable rows={list.data} total={list.total} m={m} f={f} />
      <p>
        <a href={`/api/v1/commitments.csv?${new URLSearchParams({ ...kept, mesa: filters.mesa! })}`} download>
          {m.mesa.downloadCsv}
        </a>
      </p>
      <Pagination
        path={path}
        params={kept}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        m={m.pagination}
        fragment="#commitments"
      />
    </>
  );
}
