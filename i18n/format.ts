import { LANGUAGES, type Locale } from "./languages";

/** The BCP 47 tag of each locale, for Intl formatters that this module does not cover. */
export const LANGUAGE_TAGS = Object.fromEntries(
  Object.entries(LANGUAGES).map(([locale, language]) => [locale, language.intl]),
) as Record<Locale, string>;

/** Locale-aware formatting of our values: YYYY-MM-DD dates, ISO instants, rates. */
export function formatterFor(locale: Locale, timeZone: string) {
  const tag = LANGUAGE_TAGS[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(tag);
  return {
    /** A calendar date (YYYY-MM-DD), shown as is whatever the reader's time zone. */
    date: (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`)),
    /** The month of a calendar date (YYYY-MM-DD): "diciembre de 2026". */
    month: (day: string) => monthFormat.format(new Date(`${day}T00:00:00Z`)),
    /** An instant, shown as its calendar date in the app's time zone. */
    instant: (iso: string) =>
      new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone }).format(new Date(iso)),
    /** An instant with its time of day, in the app's time zone. */
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso)),
    rate: (value: number | null, none: string) => (value === null ? none : percent.format(value)),
    number: (value: number) => number.format(value),
  };
}

export type Formatter = ReturnType<typeof formatterFor>;
