// The site's languages: the one list every other part derives from (the switch, the cookie's
// accepted values, <html lang>, Intl formatting, the dictionaries and their tests).
// No messages here: client components import this module to format dates and numbers, and
// importing the dictionaries would send every language's messages to every browser.

type Language = {
  /** The language's name in itself, as the language switch shows it. */
  name: string;
  /** The BCP 47 tag Intl formats dates and numbers with (Peru's conventions for Spanish). */
  intl: string;
};

/** Adding a language: its messages file (i18n/messages/<code>.ts), one line here and one in i18n/locales.ts. */
export const LANGUAGES = {
  es: { name: "Español", intl: "es-PE" },
  en: { name: "English", intl: "en-GB" },
} as const satisfies Record<string, Language>;

export type Locale = keyof typeof LANGUAGES;
// A non-empty tuple type, so `z.enum(LOCALES)` accepts it (e.g. a subscriber's chosen language).
export const LOCALES = Object.keys(LANGUAGES) as [Locale, ...Locale[]];
/** Spanish: shown to anyone who did not choose, and the language every other is checked against. */
export const DEFAULT_LOCALE: Locale = "es";
/** The cookie that remembers the reader's choice. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

/** The reader's language from the cookie's value: the default when there is none or it is unknown. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
