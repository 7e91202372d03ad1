// A small seeded PRNG (mulberry32) so that the same seed always gives the same data set.
// Math.random cannot be seeded.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One of the keys, drawn with the given relative weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const tables = new WeakMap<object, { keys: string[]; ends: number[] }>();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(weights) {
      // Cumulative tables are built once per weights object: this runs millions of times.
      let table = tables.get(weights);
      if (!table) {
        let sum = 0;
        const entries = Object.entries(weights) as [string, number][];
        table = { keys: entries.map(([k]) => k), ends: entries.map(([, w]) => (sum += w)) };
        tables.set(weights, table);
      }
      const r = next() * table.ends[table.ends.length - 1];
      let i = 0;
      while (i < table.ends.length - 1 && r >= table.ends[i]) i++;
      return table.keys[i] as never;
    },
  };
}

/** Splits `total` into parts proportional to `weights`, summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) parts[byRemainder[k % byRemainder.length][1]] += 1;
  return parts;
}
