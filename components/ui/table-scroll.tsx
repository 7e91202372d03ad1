import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this region instead of widening the page on a phone
 * (issue 8). The region takes the focus so that a keyboard can scroll it (axe's
 * scrollable-region-focusable), and is named, usually after the table's caption.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
