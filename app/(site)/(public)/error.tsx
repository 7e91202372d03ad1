"use client";

import { ErrorView } from "@/components/layout/error-view";

/** Public pages: the header and language switch stay; the failed page says so and can retry. */
export default function PublicError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} area="public" />;
}
