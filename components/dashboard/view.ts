import { THEMES, type Theme } from "@/db/enums";

// A dashboard's view as its URL holds it (db/queries/filters.ts `dashboardParamsSchema` on the
// server). Read here without zod to keep the client bundle small: a bad value is dropped, as
// the server's lenient parse drops it.

const VIEW_KEYS = ["mesa", "party", "theme", "asOf", "since"] as const;
type ViewKey = (typeof VIEW_KEYS)[number];
export type View = { mesa?: string; party?: string; theme?: Theme; asOf?: string; since?: string };
export type ScopeFilter = "mesa" | "party" | "theme";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function viewOf(search: URLSearchParams): View {
  const value = (key: string, valid: (v: string) => boolean) => {
    const v = search.get(key);
    return v && valid(v) ? v : undefined;
  };
  return {
    mesa: value("mesa", (v) => SLUG.test(v)),
    party: value("party", (v) => SLUG.test(v)),
    theme: value("theme", (v) => (THEMES as readonly string[]).includes(v)) as Theme | undefined,
    asOf: value("asOf", (v) => DAY.test(v)),
    since: value("since", (v) => DAY.test(v)),
  };
}

/**
 * The URL `search` with `keys` (by default all of a view's) set to `view`'s values; other keys
 * are kept (the mesa list's, the commitments table's).
 */
export function withView(search: string, view: View, keys: readonly ViewKey[] = VIEW_KEYS): string {
  const params = new URLSearchParams(search);
  for (const key of keys) {
    const value = view[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const result = params.toString();
  return result ? `?${result}` : "";
}
