import { MESA_SORTS, type MesaListParams, type MesaSort } from "./filters";
import type { MesaSummary } from "./mesas";

// The overview's mesa list: filter, sort and page the array `listMesas` returns. Pure (no I/O):
// the mesas are at most a few hundred, and their figures come from the one aggregate loader,
// so doing this in SQL would mean a second copy of the counting.

/** Up to this many mesas in all, the overview shows cards; above, a table (issue 7, item 4). */
export const CARDS_UP_TO = 12;
export const MESA_PAGE_SIZE = 20;

export type SortDir = "asc" | "desc";
type Row = Pick<MesaSummary, "name" | "region" | "status" | "total" | "complianceRate"> & {
  counts: { overdue: number };
};

export type MesaListView<T> = {
  layout: "cards" | "table";
  rows: T[];
  /** Mesas matching the filters. */
  total: number;
  page: number;
  pageSize: number;
  sort: MesaSort;
  dir: SortDir;
  /** Every region of the unfiltered list, for the filter's options. */
  regions: string[];
  /** The parameters in force, bad or unknown values dropped (`region` not among `regions`). */
  params: MesaListParams;
};

/** Text columns read A→Z first; figures biggest first (the rate: lowest first, the worst). */
export function defaultDir(sort: MesaSort): SortDir {
  return sort === "total" || sort === "overdue" ? "desc" : "asc";
}

const collator = new Intl.Collator("es", { sensitivity: "base", numeric: true });
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLocaleLowerCase("es");

function compare(sort: MesaSort, a: Row, b: Row): number {
  switch (sort) {
    case "name":
      return collator.compare(a.name, b.name);
    case "region":
      return collator.compare(a.region, b.region);
    case "total":
      return a.total - b.total;
    case "overdue":
      return a.counts.overdue - b.counts.overdue;
    case "rate":
      return (a.complianceRate ?? 0) - (b.complianceRate ?? 0);
  }
}

export function listMesaPage<T extends Row>(
  mesas: readonly T[],
  requested: MesaListParams,
  { pageSize = MESA_PAGE_SIZE, cardsUpTo = CARDS_UP_TO } = {},
): MesaListView<T> {
  const regions = [...new Set(mesas.map((m) => m.region))].sort(collator.compare);
  const params: MesaListParams = {
    ...requested,
    region: requested.region !== undefined && regions.includes(requested.region) ? requested.region : undefined,
  };
  const sort = params.sort ?? "name";
  const dir = params.dir ?? defaultDir(sort);

  const asksForTable =
    params.mview === "table" ||
    params.mpage > 1 ||
    [params.mq, params.region, params.mstatus, params.sort, params.dir].some((v) => v !== undefined);
  if (mesas.length <= cardsUpTo && !asksForTable) {
    const rows = [...mesas].sort((a, b) => collator.compare(a.name, b.name));
    return { layout: "cards", rows, total: rows.length, page: 1, pageSize: rows.length, sort, dir, regions, params };
  }

  const needle = params.mq ? fold(params.mq) : "";
  const matching = mesas.filter(
    (m) =>
      (!needle || fold(m.name).includes(needle)) &&
      (params.region === undefined || m.region === params.region) &&
      (params.mstatus === undefined || m.status === params.mstatus),
  );
  const sign = dir === "asc" ? 1 : -1;
  const sorted = matching.sort((a, b) => {
    // A mesa without a rate has nothing to rank: last, whichever the direction.
    if (sort === "rate" && (a.complianceRate === null) !== (b.complianceRate === null)) {
      return a.complianceRate === null ? 1 : -1;
    }
    return sign * compare(sort, a, b) || collator.compare(a.name, b.name);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(params.mpage, pages);
  return {
    layout: "table",
    rows: sorted.slice((page - 1) * pageSize, page * pageSize),
    total: sorted.length,
    page,
    pageSize,
    sort,
    dir,
    regions,
    params: { ...params, mpage: page },
  };
}

/**
 * Each sortable column's link: the sorted column's turns the order round, another's starts in
 * its usual order; the page starts again at 1 and `keep` (another list's state) stays.
 */
export function sortHrefs(view: MesaListView<unknown>, keep: Record<string, string> = {}): Record<MesaSort, string> {
  const href = (sort: MesaSort) => {
    const dir = view.sort === sort ? (view.dir === "asc" ? "desc" : "asc") : defaultDir(sort);
    return `/?${new URLSearchParams({ ...keep, ...mesaListQuery({ ...view.params, sort, dir, mpage: 1 }) })}#mesas`;
  };
  return Object.fromEntries(MESA_SORTS.map((sort) => [sort, href(sort)])) as Record<MesaSort, string>;
}

/** The URL parameters of a view, without defaults, for links (sorting, paging, the form). */
export function mesaListQuery(params: MesaListParams): Record<string, string> {
  const entries: [string, string | number | undefined][] = [
    ["mq", params.mq],
    ["region", params.region],
    ["mstatus", params.mstatus],
    ["sort", params.sort],
    ["dir", params.dir],
    ["mpage", params.mpage > 1 ? params.mpage : undefined],
    ["mview", params.mview],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
}
