import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardSection } from "@/app/dashboard-section";
import { getMesaProfile } from "@/db/queries/mesas";
import { pageViewer } from "@/app/page-viewer";
import { embedView, type EmbedProps } from "../../params";

type Props = EmbedProps<{ slug: string }>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const mesa = getMesaProfile((await params).slug);
  return mesa ? { title: mesa.name } : {};
}

/** A mesa's scorecard for other sites: figures, agreement quality, charts, longest overdue. */
export default async function MesaEmbed({ params, searchParams }: Props) {
  const mesa = getMesaProfile((await params).slug);
  if (!mesa) notFound();
  return (
    <>
      <h1>{mesa.name}</h1>
      <DashboardSection
        viewer={await pageViewer()}
        view={await embedView(searchParams)}
        charts={["parties", "monthly", "themes"]}
        fixed={{ mesa: mesa.slug }}
        filters={["theme"]}
        embed="scorecard"
      />
    </>
  );
}
