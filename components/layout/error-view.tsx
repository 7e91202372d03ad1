"use client";

import { useEffect } from "react";
import { fill } from "@/i18n/fill";
import { useErrorMessages } from "./error-messages";

type Props = { error: Error & { digest?: string }; reset: () => void; area: string };

/**
 * What an error boundary shows: a translated message, the error's reference and a retry button.
 * The messages are the reader's language's, from the root layout. In production the browser
 * only gets the digest, which is also in the server's log next to the real error: the reference
 * lets a reader's report be matched to it.
 */
export function ErrorView({ error, reset, area }: Props) {
  useEffect(() => {
    console.error(`[mesa-monitor] ${area} page failed`, { digest: error.digest, message: error.message });
  }, [error, area]);
  const t = useErrorMessages();
  return (
    <div role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error.digest && <p className="muted">{fill(t.reference, { digest: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
