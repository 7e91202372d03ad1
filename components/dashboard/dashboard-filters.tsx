"use client";

import { THEMES } from "@/db/enums";
import type { DashboardLabels } from "./labels";
import { viewOf, type ScopeFilter, type View } from "./view";

type Option = { slug: string; name: string };

/**
 * A GET form (without script it reloads the page with the view in the URL); with script each
 * change applies without a reload. Its inputs are uncontrolled: the parent remounts it (a new
 * `key`) when the view changes from outside.
 */
export function DashboardFilters({
  path,
  view,
  show,
  options,
  labels,
  onChange,
  onReset,
}: {
  path: string;
  view: View;
  show: readonly ScopeFilter[];
  options: { mesas: Option[]; parties: Option[] };
  labels: DashboardLabels;
  onChange: (view: View) => void;
  onReset: () => void;
}) {
  const d = labels.dashboard;
  const read = (form: HTMLFormElement) =>
    viewOf(new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)])));
  const select = (key: "mesa" | "party", label: string, items: Option[]) => (
    <label>
      {label}
      <select name={key} defaultValue={view[key] ?? ""}>
        <option value="">{d.any}</option>
        {items.map((item) => (
          <option key={item.slug} value={item.slug}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action={`${path}#dashboard`}
      className="filters dashboard-filters"
      role="search"
      aria-label={d.filters}
      // A choice in a list applies at once; a date when the reader leaves the field or presses
      // Enter (not at every digit typed).
      onChange={(event) => event.target instanceof HTMLSelectElement && onChange(read(event.currentTarget))}
      onBlur={(event) => event.target instanceof HTMLInputElement && onChange(read(event.currentTarget))}
      onSubmit={(event) => {
        event.preventDefault();
        onChange(read(event.currentTarget));
      }}
    >
      {show.includes("mesa") && select("mesa", d.mesa, options.mesas)}
      {show.includes("party") && select("party", d.party, options.parties)}
      {show.includes("theme") && (
        <label>
          {d.theme}
          <select name="theme" defaultValue={view.theme ?? ""}>
            <option value="">{d.any}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {labels.theme[theme]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {d.asOf}
        <input type="date" name="asOf" defaultValue={view.asOf ?? ""} />
      </label>
      <label>
        {d.since}
        <input type="date" name="since" defaultValue={view.since ?? ""} max={view.asOf} />
      </label>
      <button type="submit" className="button">
        {d.apply}
      </button>
      <a href={`${path}#dashboard`} className="button" onClick={(e) => (e.preventDefault(), onReset())}>
        {d.reset}
      </a>
    </form>
  );
}
