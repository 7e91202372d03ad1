/**
 * Runs at most `max` tasks at once; the others wait their turn, first come first served.
 * (A few lines rather than a dependency: the queue needs no timeouts nor priorities.)
 */
export function jobLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task waiting, or is freed.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  }

  /** `waiting`: how many tasks wait for a slot. */
  return Object.defineProperty(run, "waiting", { get: () => waiting.length }) as typeof run & {
    readonly waiting: number;
  };
}
