import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, localeOrDefault, messagesFor, type Locale } from "./locales";
import { appTimeZone } from "@/db/config";
import { formatterFor } from "./format";

export async function getLocale(): Promise<Locale> {
  return localeOrDefault((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** The reader's messages and formatters, for server components. */
export async function getI18n() {
  const locale = await getLocale();
  return { locale, m: messagesFor(locale), f: formatterFor(locale, appTimeZone()) };
}
