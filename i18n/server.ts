import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, messagesFor, type Locale } from "./locales";
import { appTimeZone } from "@/db/config";
import { formatterFor } from "./format";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The reader's messages and formatters, for server components. */
export async function getI18n() {
  const locale = await getLocale();
  return { locale, m: messagesFor(locale), f: formatterFor(locale, appTimeZone()) };
}
