import Link from "next/link";
import { getI18n } from "@/i18n/server";

/**
 * Embeds: a scorecard or a chart for other sites to frame (CONTRACT §4), without the site's
 * chrome. These are the only pages whose headers allow framing (proxy.ts, next.config.ts).
 */
export default async function EmbedLayout({ children }: { children: React.ReactNode }) {
  const { m } = await getI18n();
  return (
    <main className="embed">
      {/* Links leave the frame: the site's other pages refuse to be framed. (next/link ignores
          <base>: a Link here must say target="_blank" itself.) */}
      <base target="_blank" />
      {children}
      <p className="embed-source">
        <Link href="/" target="_blank" rel="noopener">
          {m.embed.source}
        </Link>
      </p>
    </main>
  );
}
