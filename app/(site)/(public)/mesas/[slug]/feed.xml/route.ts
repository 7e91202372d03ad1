import { atomResponse } from "@/app/atom";
import { publicFeedEvents } from "@/db/queries/feed";
import { getMesaProfile } from "@/db/queries/mesas";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";

/** One mesa's status changes and accepted evidence of public commitments, newest first. */
export async function GET(_: Request, { params }: { params: Promise<{ slug: string }> }) {
  const mesa = getMesaProfile((await params).slug);
  if (!mesa) return new Response("Not found", { status: 404 });
  const { m } = await getI18n();
  const path = `/mesas/${mesa.slug}`;
  return atomResponse({
    title: fill(m.feed.mesaTitle, { mesa: mesa.name }),
    path,
    feedPath: `${path}/feed.xml`,
    events: publicFeedEvents({ mesaId: mesa.id }),
  });
}
