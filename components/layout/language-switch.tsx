import { LANGUAGES, LOCALES, type Locale } from "@/i18n/languages";

/**
 * A real form with a button for each other language, named in that language: it works before
 * (or without) JavaScript, and a reader who does not read the page's language still finds theirs.
 */
export function LanguageSwitch({
  label,
  current,
  action,
}: {
  label: string;
  current: Locale;
  action: (formData: FormData) => Promise<void>;
}) {
  return (
    <form action={action} className="language-switch" aria-label={label}>
      {LOCALES.filter((locale) => locale !== current).map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale}>
          {LANGUAGES[locale].name}
        </button>
      ))}
    </form>
  );
}
