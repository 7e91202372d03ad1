"use client";

import { ErrorView } from "@/components/layout/error-view";

/** Staff pages (monitor, review, editing, admin): a translated message, a retry, a logged digest. */
export default function StaffError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView {...props} area="staff" />;
}
