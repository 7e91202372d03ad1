"use client";

import { ErrorView } from "@/components/layout/error-view";

/** The root error boundary (errors outside the public and staff groups: login, language, embeds…). */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} area="root" />;
}
