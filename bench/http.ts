// Sequential timings of one URL: the first (cold) request, then N more, one at a time.
import { percentile, round } from "./stats";

export type Timed = { ms: number; status: number; body: string };

export async function timedGet(url: string, timeoutMs = 180_000): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

export type EndpointTiming = {
  path: string;
  coldMs: number;
  coldStatus: number;
  warm: { n: number; p50: number; p95: number; max: number; non2xx: number };
  bytes: number;
};

export async function measureSequential(base: string, path: string, cold: Timed, n: number): Promise<EndpointTiming> {
  const samples: number[] = [];
  let non2xx = 0;
  for (let i = 0; i < n; i++) {
    const t = await timedGet(base + path);
    samples.push(t.ms);
    if (t.status < 200 || t.status > 299) non2xx += 1;
  }
  return {
    path,
    coldMs: round(cold.ms),
    coldStatus: cold.status,
    warm: {
      n,
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      max: round(Math.max(...samples)),
      non2xx,
    },
    bytes: Buffer.byteLength(cold.body),
  };
}
