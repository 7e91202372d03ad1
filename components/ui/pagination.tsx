import Link from "next/link";
import { fill } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages/es";

/** Previous/next links that keep every other parameter of the current URL. */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
  m,
  fragment = "",
}: {
  path: string;
  params: Record<string, string>;
  page: number;
  pageSize: number;
  total: number;
  m: Messages["pagination"];
  fragment?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const href = (target: number) => `${path}?${new URLSearchParams({ ...params, page: String(target) })}${fragment}`;
  return (
    <nav className="pagination" aria-label={m.label}>
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          {m.previous}
        </Link>
      )}
      <span aria-current="page">{fill(m.page, { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next">
          {m.next}
        </Link>
      )}
    </nav>
  );
}
