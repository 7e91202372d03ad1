// The open-data export at national scale (issue 9): the whole CSV downloaded once and timed,
// with the server's resident memory sampled meanwhile (Linux /proc).
import fs from "node:fs";

export type ExportResult = {
  path: string;
  ms: number;
  rows: number;
  megabytes: number;
  rssMB: number;
  peakRssMB: number;
};

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
}

export async function measureExport(base: string, pid: number, path: string): Promise<ExportResult> {
  const before = rssMB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(pid))), 50);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(base + path, { signal: AbortSignal.timeout(180_000) });
    if (!response.ok || !response.body) throw new Error(`${path}: HTTP ${response.status}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
  } finally {
    clearInterval(sampler);
  }
  return {
    path,
    ms: Math.round(performance.now() - started),
    // Titles may hold line breaks inside quotes: an upper bound, close enough for a benchmark.
    rows: lines - 1,
    megabytes: Math.round(bytes / 1e5) / 10,
    rssMB: before,
    peakRssMB: Math.max(peak, rssMB(pid)),
  };
}
