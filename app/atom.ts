import "server-only";
import { Feed } from "feed";
import type { FeedEvent } from "@/db/queries/feed";
import { fill } from "@/i18n/fill";
import { getI18n } from "@/i18n/server";
import { siteOrigin } from "./site-origin";

/** An Atom 1.0 response (CONTRACT §6 feeds) announcing `events`, in the reader's language. */
export async function atomResponse({
  title,
  path,
  feedPath,
  events,
}: {
  title: string;
  /** The page the feed follows. */
  path: string;
  feedPath: string;
  events: FeedEvent[];
}): Promise<Response> {
  const [{ m, locale }, origin] = await Promise.all([getI18n(), siteOrigin()]);
  const feed = new Feed({
    title,
    id: origin + feedPath,
    link: origin + path,
    language: locale,
    updated: new Date(events[0]?.at ?? "2000-01-01T00:00:00.000Z"),
    feedLinks: { atom: origin + feedPath },
    copyright: m.feed.licence,
    generator: "Mesa Monitor",
  });
  for (const event of events) {
    const { commitment: c } = event;
    const heading =
      event.kind === "status"
        ? fill(m.feed.statusChanged, { code: c.code, from: m.status[event.from], to: m.status[event.to] })
        : fill(m.feed.evidenceAccepted, { code: c.code });
    feed.addItem({
      title: `${heading} · ${c.title}`,
      id: `${origin}/commitments/${c.id}#${event.id}`,
      link: `${origin}/commitments/${c.id}`,
      date: new Date(event.at),
      description: `${c.mesa}. ${event.kind === "status" ? event.reason : event.summary}`,
    });
  }
  return new Response(feed.atom1(), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
