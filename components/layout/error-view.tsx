"use client";

import { useEffect } from "react";
import { errorPage } from "@/i18n/messages/error-page";

type Props = { error: Error & { digest?: string }; reset: () => void; area: string };

/**
 * What an error boundary shows: a translated message, the error's reference and a retry button.
 * The language comes from <html lang>, which the server layout set. In production the browser
 * only gets the digest, which is also in the server's log next to the real error: the reference
 * lets a reader's report be matched to it.
 */
export function ErrorView({ error, reset, area }: Props) {
  useEffect(() => {
    console.error(`[mesa-monitor] ${area} page failed`, { digest: error.digest, message: error.message });
  }, [error, area]);
  const lang = typeof document === "undefined" ? "es" : document.documentElement.lang;
  const t = lang === "en" ? errorPage.en : errorPage.es;
  return (
    <div role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error.digest && <p className="muted">{t.reference.replace("{digest}", error.digest)}</p>}
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
