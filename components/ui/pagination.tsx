import Link from "next/link";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * Previous/next links that keep every other parameter of the current URL. `param` names the page
 * parameter when a page has several lists; `document` makes plain links (a full navigation, which
 * the monitors' service worker sees and keeps) instead of client-side ones.
 */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
  m,
  fragment = "",
  param = "page",
  document = false,
  label,
}: {
  path: string;
  params: Record<string, string>;
  page: number;
  pageSize: number;
  total: number;
  m: Messages["pagination"];
  fragment?: string;
  param?: string;
  document?: boolean;
  /** The navigation's name when the page has more than one list. */
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const href = (target: number) => `${path}?${new URLSearchParams({ ...params, [param]: String(target) })}${fragment}`;
  const To = document ? "a" : Link;
  return (
    <nav className="pagination" aria-label={label ?? m.label}>
      {page > 1 && (
        <To href={href(page - 1)} rel="prev">
          {m.previous}
        </To>
      )}
      <span aria-current="page">{fill(m.page, { page, pages })}</span>
      {page < pages && (
        <To href={href(page + 1)} rel="next">
          {m.next}
        </To>
      )}
    </nav>
  );
}
