// bench/results/latest.{json,md}: the figures, the issue's targets, and the machine.
import fs from "node:fs";
import os from "node:os";
import type { ExportResult } from "./export";
import type { EndpointTiming } from "./http";
import type { LighthouseScore } from "./lighthouse";
import type { LoadResult } from "./load";
import type { Weight } from "./weight";

export type Ratio = { path: string; rawSql: string; rawMs: number; coldMs: number; ratio: number };
export type Results = {
  machine: { cpu: string; cores: number; memoryGB: number; node: string; date: string };
  database: { file: string; counts: Record<string, number> };
  requestsPerEndpoint: number;
  endpoints: EndpointTiming[];
  ratios: Ratio[];
  checks: { path: string; problems: string[] }[];
  load: LoadResult[];
  exported: ExportResult;
  weight: Weight[];
  lighthouse: LighthouseScore[] | null;
};

export function machine(): Results["machine"] {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

const TARGET_PAGE = 50;
const TARGET_LIST = 30;
const isList = (path: string) => path.startsWith("/api/v1/commitments") || path === "/api/v1/mesas";
const met = (ok: boolean) => (ok ? "met" : "**missed**");

export function markdown(r: Results): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; ${m.date.slice(0, 16).replace("T", " ")} UTC.`,
    `Data: ${Object.entries(r.database.counts)
      .map(([t, n]) => `${n.toLocaleString("en")} ${t}`)
      .join(", ")}.`,
    "",
    `| read | cold ms | warm p50 ms | warm p95 ms (n=${r.requestsPerEndpoint}) | target (warm p95) | |`,
    "| --- | ---: | ---: | ---: | --- | --- |",
  );
  for (const e of r.endpoints) {
    const target = isList(e.path) ? TARGET_LIST : TARGET_PAGE;
    const status =
      e.coldStatus === 200 && e.warm.non2xx === 0 ? "" : ` (HTTP ${e.coldStatus}, ${e.warm.non2xx} non-2xx)`;
    lines.push(
      `| \`${e.path}\`${status} | ${e.coldMs} | ${e.warm.p50} | ${e.warm.p95} | < ${target} ms | ${met(e.warm.p95 < target)} |`,
    );
  }
  lines.push(
    "",
    "| aggregate | raw SQL ms | cold endpoint ms | cold / raw | target | | figures = SQL |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
  );
  for (const x of r.ratios) {
    const check = r.checks.find((c) => c.path === x.path);
    const agree = !check
      ? "not checked"
      : check.problems.length === 0
        ? "yes"
        : `**no**: ${check.problems.slice(0, 3).join(", ")}`;
    lines.push(`| \`${x.path}\` | ${x.rawMs} | ${x.coldMs} | ${x.ratio} | ≤ 1 | ${met(x.ratio <= 1)} | ${agree} |`);
  }
  lines.push(
    "",
    "| under load (autocannon) | connections | req/s | p95 ms | p97.5 ms | non-2xx / errors / timeouts | target | |",
    "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
  );
  for (const l of r.load) {
    if (l.skipped) {
      lines.push(`| \`${l.path}\` | ${l.connections} | not run: ${l.skipped} | | | | ≥ 1000 req/s | **missed** |`);
      continue;
    }
    lines.push(
      `| \`${l.path}\` | ${l.connections} | ${l.requestsPerSecond} | ${l.p95} | ${l.p97_5} | ${l.non2xx} / ${l.errors} / ${l.timeouts} | ≥ 1000 req/s | ${met(l.requestsPerSecond >= 1000 && l.non2xx === 0)} |`,
    );
  }
  const e = r.exported;
  const growth = e.peakRssMB - e.rssMB;
  lines.push(
    "",
    "| open data export | rows | MB | ms | server memory MB (before → peak) | target | |",
    "| --- | ---: | ---: | ---: | --- | --- | --- |",
    `| \`${e.path}\` | ${e.rows} | ${e.megabytes} | ${e.ms} | ${e.rssMB} → ${e.peakRssMB} | < 5 s, < 200 MB more | ${met(e.ms < 5000 && growth < 200)} |`,
  );
  lines.push(
    "",
    "| front end | first-load JS (gzip KB) | scripts | Lighthouse mobile | target | |",
    "| --- | ---: | ---: | ---: | --- | --- |",
  );
  for (const w of r.weight) {
    const lh = r.lighthouse?.find((l) => l.path === w.path);
    const score = !r.lighthouse ? "not run" : (lh?.score ?? `failed: ${lh?.error ?? "?"}`);
    const lhMet = typeof lh?.score === "number" && lh.score >= 95;
    const verdict = !r.lighthouse ? `${met(w.gzipKB <= 150)} (JS only)` : met(w.gzipKB <= 150 && lhMet);
    lines.push(`| \`${w.path}\` | ${w.gzipKB} | ${w.scripts} | ${score} | ≤ 150 KB, Lighthouse ≥ 95 | ${verdict} |`);
  }
  lines.push(
    "",
    "Warm figures are sequential requests, one at a time. Cold is the first request after the server starts",
    "(it includes loading the route's code). Raw SQL is the median of 3 runs of hand-written aggregates",
    "(`bench/raw-sql.ts`) in the bench process; p95 under load is computed from every response time.",
  );
  return lines.join("\n") + "\n";
}

export function writeResults(results: Results, dir = "bench/results"): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/latest.json`, JSON.stringify(results, null, 2) + "\n");
  fs.writeFileSync(`${dir}/latest.md`, markdown(results));
}
