import Link from "next/link";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { UserMenu } from "@/components/layout/user-menu";
import { isDemoLoaded } from "@/db/queries/settings";
import { pageViewer } from "@/app/page-viewer";
import { getI18n } from "@/i18n/server";
import { switchLanguage } from "@/app/language/actions";
import { logout } from "@/app/(site)/login/actions";

/** The site's header, demo notice and footer: every page but the embeds (app/embed). */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const [{ m, locale }, viewer] = await Promise.all([getI18n(), pageViewer()]);
  return (
    <>
      {/* React puts it in <head>: feed readers find the site's feed from any page. */}
      <link rel="alternate" type="application/atom+xml" href="/feed.xml" title={m.feed.title} />
      <a href="#main" className="skip-link">
        {m.nav.skip}
      </a>
      <header className="site-header">
        <nav aria-label={m.nav.label}>
          <Link href="/" className="brand">
            {m.meta.title}
          </Link>
          <Link href="/">{m.nav.home}</Link>
          <Link href="/map">{m.map.nav}</Link>
        </nav>
        <div className="user-menu">
          <UserMenu viewer={viewer} logout={logout} m={m} />
          <LanguageSwitch label={m.language.label} current={locale} action={switchLanguage} />
        </div>
      </header>
      {isDemoLoaded() && (
        <p role="note" className="demo-notice">
          {m.demo.notice}
        </p>
      )}
      <main id="main">{children}</main>
      <footer className="site-footer">
        <p>{m.footer.text}</p>
        <p>
          <Link href="/data">{m.dataPage.link}</Link>
        </p>
      </footer>
    </>
  );
}
