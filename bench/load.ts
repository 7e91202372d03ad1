// Public pages under concurrency (autocannon 8). autocannon's summary has p90 and p97.5 but no
// p95, so every response time is recorded and the p95 computed here.
import autocannon from "autocannon";
import { percentile, round } from "./stats";

export type LoadResult = {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p95: number;
  p97_5: number;
  completed: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  skipped?: string;
};

export function skippedLoad(path: string, reason: string): LoadResult {
  const nan = Number.NaN;
  return {
    path,
    connections: 50,
    seconds: 0,
    requestsPerSecond: 0,
    p95: nan,
    p97_5: nan,
    completed: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    skipped: reason,
  };
}

export async function loadTest(base: string, path: string, connections = 50, seconds = 10): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({ url: base + path, connections, duration: seconds, timeout: 30 });
  instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  return {
    path,
    connections,
    seconds: result.duration,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p95: round(percentile(times, 95)),
    p97_5: result.latency.p97_5,
    completed: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
