"use client";

import { DEFAULT_LOCALE, isLocale, messagesFor } from "@/i18n/locales";

/** Client-side error boundary: reads the language from <html lang>, set by the server layout. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const lang = typeof document === "undefined" ? DEFAULT_LOCALE : document.documentElement.lang;
  const m = messagesFor(isLocale(lang) ? lang : DEFAULT_LOCALE);
  return (
    <>
      <h1>{m.error.title}</h1>
      <p>{m.error.body}</p>
      <button type="button" className="button" onClick={reset}>
        {m.error.retry}
      </button>
    </>
  );
}
