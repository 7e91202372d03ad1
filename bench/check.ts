// Whether an endpoint's figures equal the raw SQL's: the benchmark's numbers are only worth
// anything if the endpoint it times answers right.
import type { Figures, StatsFigures } from "./raw-sql";

type ApiCounts = Record<string, number>;
type ApiStats = {
  counts: ApiCounts;
  overdue: number;
  complianceRate: number | null;
  byParty: { slug: string; counts: ApiCounts; overdue: number }[];
  byMonth: { month: string; complianceRate: number | null }[];
};
type ApiMesas = { data: { slug: string; counts: ApiCounts; complianceRate: number | null }[] };

const sameRate = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);
const sameCounts = (api: ApiCounts, raw: Figures) =>
  Object.entries(raw.counts).every(([status, n]) => api[status] === n);

/** The differences between `/api/v1/stats` and the raw SQL (empty when they agree). */
export function compareStats(body: string, raw: StatsFigures, partySlugs: Map<number, string>): string[] {
  const api = JSON.parse(body) as ApiStats;
  const problems: string[] = [];
  if (!sameCounts(api.counts, raw) || api.overdue !== raw.overdue) problems.push("counts");
  if (!sameRate(api.complianceRate, raw.complianceRate)) problems.push("complianceRate");
  const apiParties = new Map(api.byParty.map((p) => [p.slug, p]));
  if (apiParties.size !== raw.byParty.size)
    problems.push(`byParty: ${apiParties.size} parties, SQL ${raw.byParty.size}`);
  for (const [id, figures] of raw.byParty) {
    const p = apiParties.get(partySlugs.get(id) ?? "");
    if (!p || !sameCounts(p.counts, figures) || p.overdue !== figures.overdue)
      problems.push(`byParty ${partySlugs.get(id)}`);
  }
  raw.byMonth.forEach((m, i) => {
    const a = api.byMonth[i];
    if (!a || a.month !== m.month || !sameRate(a.complianceRate, m.complianceRate)) problems.push(`byMonth ${m.month}`);
  });
  return problems;
}

/** The differences between `/api/v1/mesas` and the raw SQL. */
export function compareMesas(body: string, raw: Map<number, Figures>, mesaSlugs: Map<number, string>): string[] {
  const api = new Map((JSON.parse(body) as ApiMesas).data.map((m) => [m.slug, m]));
  const problems: string[] = [];
  for (const [id, slug] of mesaSlugs) {
    const figures = raw.get(id);
    const m = api.get(slug);
    if (!m) problems.push(`missing ${slug}`);
    else if (figures ? !sameCounts(m.counts, figures) || m.counts.overdue !== figures.overdue : m.counts.pending !== 0)
      problems.push(slug);
  }
  return problems;
}
