import type { Metadata } from "next";
import { ErrorMessagesProvider } from "@/components/layout/error-messages";
import { QueryProvider } from "@/components/query/query-provider";
import { getI18n } from "@/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return { title: { default: m.meta.title, template: `%s · ${m.meta.title}` }, description: m.meta.description };
}

/** The document only: the site's chrome is app/(site)/layout.tsx, which embeds go without. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, m } = await getI18n();
  return (
    <html lang={locale}>
      <body>
        <ErrorMessagesProvider messages={m.error}>
          <QueryProvider>{children}</QueryProvider>
        </ErrorMessagesProvider>
      </body>
    </html>
  );
}
