import type { Metadata } from "next";
import Link from "next/link";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { UserMenu } from "@/components/layout/user-menu";
import { isDemoLoaded } from "@/db/queries/settings";
import { getViewer } from "@/db/session";
import { getI18n } from "@/i18n/server";
import { switchLanguage } from "./language/actions";
import { logout } from "./login/actions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: { default: m.meta.title, template: `%s · ${m.meta.title}` }, description: m.meta.description };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, m } = await getI18n();
  const viewer = await getViewer();
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {m.nav.skip}
        </a>
        <header className="site-header">
          <nav aria-label={m.nav.label}>
            <Link href="/" className="brand">
              {m.meta.title}
            </Link>
            <Link href="/">{m.nav.home}</Link>
          </nav>
          <div className="user-menu">
            <UserMenu viewer={viewer} logout={logout} m={m} />
            <LanguageSwitch m={m.language} action={switchLanguage} />
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
        </footer>
      </body>
    </html>
  );
}
