import Link from "next/link";
import type { Status, Theme } from "@/db/enums";
import { QUALITY_FILTERS } from "@/db/enums";
import type { CommitmentFilters as Filters } from "@/db/queries/filters";
import type { Messages } from "@/i18n/messages/es";

/**
 * A plain GET form: filters live in the URL, so a filtered view can be shared, bookmarked and
 * reloaded, and it works on slow phones before any JavaScript arrives.
 */
export function CommitmentFilters({
  action,
  filters,
  parties,
  statuses,
  themes,
  m,
}: {
  action: string;
  filters: Filters;
  parties: { slug: string; name: string }[];
  statuses: readonly Status[];
  themes: readonly Theme[];
  m: Messages;
}) {
  // Keyed by the filters: after a client-side navigation (e.g. "clear filters") the inputs must
  // show the new URL's values, and uncontrolled inputs only read their defaults on mount.
  return (
    <form
      key={JSON.stringify(filters)}
      method="get"
      action={action}
      className="filters"
      role="search"
      aria-label={m.filters.heading}
    >
      <label>
        {m.filters.q}
        <input type="search" name="q" defaultValue={filters.q ?? ""} maxLength={200} />
      </label>
      <label>
        {m.filters.status}
        <select name="status" defaultValue={filters.status ?? ""}>
          <option value="">{m.filters.any}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {m.status[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.filters.party}
        <select name="party" defaultValue={filters.party ?? ""}>
          <option value="">{m.filters.any}</option>
          {parties.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.filters.theme}
        <select name="theme" defaultValue={filters.theme ?? ""}>
          <option value="">{m.filters.any}</option>
          {themes.map((t) => (
            <option key={t} value={t}>
              {m.theme[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.filters.quality}
        <select name="quality" defaultValue={filters.quality ?? ""}>
          <option value="">{m.filters.any}</option>
          {QUALITY_FILTERS.map((fact) => (
            <option key={fact} value={fact}>
              {m.quality[fact]}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" name="overdue" value="true" defaultChecked={filters.overdue} />
        {m.filters.overdue}
      </label>
      <button type="submit" className="button button-primary">
        {m.filters.apply}
      </button>
      <Link href={`${action}#commitments`} className="button">
        {m.filters.clear}
      </Link>
    </form>
  );
}
