/** One page of a list already in memory; a page past the end shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): { rows: T[]; page: number } {
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, page), last);
  return { rows: items.slice((current - 1) * pageSize, current * pageSize), page: current };
}
