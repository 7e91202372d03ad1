import { atomResponse } from "@/app/atom";
import { publicFeedEvents } from "@/db/queries/feed";
import { getI18n } from "@/i18n/server";

/** Status changes and accepted evidence of every mesa's public commitments, newest first. */
export async function GET() {
  const { m } = await getI18n();
  return atomResponse({ title: m.feed.title, path: "/", feedPath: "/feed.xml", events: publicFeedEvents({}) });
}
