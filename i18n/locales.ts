import { en } from "./messages/en";
import { es, type Messages } from "./messages/es";

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";
/** The cookie that remembers the reader's choice. */
export const LOCALE_COOKIE = "locale";

const DICTIONARIES: Record<Locale, Messages> = { es, en };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

export { fill } from "./fill";
