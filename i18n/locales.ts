import type { Locale } from "./languages";
import { en } from "./messages/en";
import { es, type Messages } from "./messages/es";

export { DEFAULT_LOCALE, isLocale, LANGUAGES, LOCALE_COOKIE, LOCALES, localeOrDefault, type Locale } from "./languages";

/** Every language's messages. The type refuses a language of languages.ts without its messages here, and the reverse. */
const DICTIONARIES: Record<Locale, Messages> = { es, en };

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

export { fill } from "./fill";
