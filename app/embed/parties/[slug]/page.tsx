import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardSection } from "@/app/dashboard-section";
import { findPartyProfile } from "@/db/queries/party-profile";
import { pageViewer } from "@/app/page-viewer";
import { embedView, type EmbedProps } from "../../params";

type Props = EmbedProps<{ slug: string }>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const party = findPartyProfile((await params).slug);
  return party ? { title: party.name } : {};
}

/** A party's scorecard for other sites: figures, per mesa, trend, longest overdue. */
export default async function PartyEmbed({ params, searchParams }: Props) {
  const party = findPartyProfile((await params).slug);
  if (!party) notFound();
  return (
    <>
      <h1>{party.name}</h1>
      <DashboardSection
        viewer={await pageViewer()}
        view={await embedView(searchParams)}
        charts={["status-by-mesa", "monthly"]}
        fixed={{ party: party.slug }}
        filters={["mesa", "theme"]}
        embed="scorecard"
      />
    </>
  );
}
