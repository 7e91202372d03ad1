import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitmentFilters } from "@/components/commitments/commitment-filters";
import { CommitmentsTable } from "@/components/commitments/commitments-table";
import { MeetingList } from "@/components/mesas/meeting-list";
import { MesaFacts } from "@/components/mesas/mesa-facts";
import { ParticipantList } from "@/components/mesas/participant-list";
import { StatusTotals } from "@/components/stats/status-totals";
import { Pagination } from "@/components/ui/pagination";
import { canEditMesa } from "@/db/access";
import { getViewer } from "@/db/session";
import { STATUSES, THEMES } from "@/db/enums";
import { listCommitments } from "@/db/queries/commitments";
import { commitmentFiltersSchema, firstValues, parseLeniently } from "@/db/queries/filters";
import { getMesa } from "@/db/queries/mesas";
import { getI18n } from "@/i18n/server";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** One load per request, shared by the metadata and the page. */
const mesaFor = cache(async (slug: string) => getMesa(await getViewer(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mesa = await mesaFor((await params).slug);
  return mesa ? { title: mesa.name } : {};
}

export default async function MesaPage({ params, searchParams }: Props) {
  const [{ slug }, raw, viewer, { m, f }] = await Promise.all([params, searchParams, getViewer(), getI18n()]);
  const mesa = await mesaFor(slug);
  if (!mesa) notFound();

  const { mesa: _ignored, ...requested } = firstValues(raw);
  const filters = parseLeniently(commitmentFiltersSchema, requested);
  const list = listCommitments(viewer, { ...filters, mesa: mesa.slug });
  const path = `/mesas/${mesa.slug}`;
  const kept = Object.fromEntries(
    Object.entries({
      q: filters.q,
      status: filters.status,
      party: filters.party,
      theme: filters.theme,
      overdue: filters.overdue ? "true" : undefined,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

  return (
    <>
      <h1>{mesa.name}</h1>
      <section aria-labelledby="dashboard">
        <h2 id="dashboard">{m.mesa.dashboard}</h2>
        <p className="lead">{mesa.description}</p>
        <StatusTotals counts={mesa.counts} complianceRate={mesa.complianceRate} m={m} f={f} />
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
        <CommitmentsTable rows={list.data} total={list.total} m={m} f={f} />
        <Pagination
          path={path}
          params={kept}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          m={m.pagination}
          fragment="#commitments"
        />
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
