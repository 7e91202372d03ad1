// `npm run bench [-- --db FILE --port P --requests N --no-lighthouse]`: measures the production
// build on a bench database (issue 7, items 7–8) and writes bench/results/latest.{json,md}.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { appTimeZone } from "../db/config";
import { shiftDate, todayIn } from "../db/rules";
import { intOption, parse } from "./args";
import { compareMesas, compareStats } from "./check";
import { measureSequential, timedGet, type EndpointTiming } from "./http";
import { lighthouse, type LighthouseScore } from "./lighthouse";
import { loadTest, skippedLoad, type LoadResult } from "./load";
import { rawMesas, rawStats, timeQuery, type Scope } from "./raw-sql";
import { markdown, machine, writeResults, type Ratio, type Results } from "./report";
import { ensureBuild, startServer, type Server } from "./server";
import { round } from "./stats";
import { measureExport } from "./export";
import { firstLoadJs, type Weight } from "./weight";

const values = parse({
  db: { type: "string" },
  port: { type: "string" },
  requests: { type: "string" },
  "no-lighthouse": { type: "boolean" },
});
const file = path.resolve(typeof values.db === "string" ? values.db : "./data/bench.db");
const port = intOption(values, "port", 3300);
const requests = intOption(values, "requests", 50);
const SLOW_FOR_LOAD_MS = 1000;

async function main() {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run \`npm run bench:data\` first.`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const one = <T>(sql: string) => sqlite.prepare(sql).get() as T;
  // The busiest mesa and the party with most commitments: the worst cases of their pages.
  const mesa = one<{ id: number; slug: string }>(
    "SELECT m.id, m.slug FROM mesas m JOIN commitments c ON c.mesa_id = m.id GROUP BY m.id ORDER BY COUNT(*) DESC LIMIT 1",
  );
  const party = one<{ id: number; slug: string }>(
    "SELECT p.id, p.slug FROM parties p JOIN commitment_parties cp ON cp.party_id = p.id GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1",
  );
  const counts = Object.fromEntries(
    ["mesas", "parties", "commitments", "status_changes", "evidence"].map((t) => [
      t,
      one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`).n,
    ]),
  );
  const tz = appTimeZone();
  const today = todayIn(tz);
  const yearAgo = shiftDate(today, -365);

  // The reference: the same figures in hand-written SQL, timed before the server competes for the CPU.
  console.log("Timing the raw SQL aggregates…");
  const stats = (scope: Scope, day = today, asOf = false) => timeQuery(() => rawStats(sqlite, scope, day, asOf, tz));
  const raw = {
    stats: stats({}),
    asOf: stats({}, yearAgo, true),
    mesa: stats({ mesaId: mesa.id }),
    party: stats({ partyId: party.id }),
    mesas: timeQuery(() => rawMesas(sqlite, today, tz)),
  };
  const partySlugs = new Map(
    (sqlite.prepare("SELECT id, slug FROM parties").all() as { id: number; slug: string }[]).map((p) => [p.id, p.slug]),
  );
  const mesaSlugs = new Map(
    (sqlite.prepare("SELECT id, slug FROM mesas").all() as { id: number; slug: string }[]).map((m) => [m.id, m.slug]),
  );
  sqlite.close();

  ensureBuild();
  console.log(`Starting the server on port ${port} with ${file}…`);
  const server = await startServer(port, file);
  try {
    return await measure(server, { mesa, party, yearAgo, raw, partySlugs, mesaSlugs, counts });
  } finally {
    await server.stop();
  }
}

type Context = {
  mesa: { slug: string };
  party: { slug: string };
  yearAgo: string;
  raw: Record<"stats" | "asOf" | "mesa" | "party" | "mesas", { ms: number; result: unknown }>;
  partySlugs: Map<number, string>;
  mesaSlugs: Map<number, string>;
  counts: Record<string, number>;
};

async function measure(server: Server, c: Context): Promise<Results> {
  const paths = {
    home: "/",
    mesa: `/mesas/${c.mesa.slug}`,
    party: `/parties/${c.party.slug}`,
    stats: "/api/v1/stats",
    asOf: `/api/v1/stats?asOf=${c.yearAgo}`,
    statsMesa: `/api/v1/stats?mesa=${c.mesa.slug}`,
    statsParty: `/api/v1/stats?party=${c.party.slug}`,
    mesas: "/api/v1/mesas",
    list: `/api/v1/commitments?mesa=${c.mesa.slug}&status=pending&theme=water`,
    search: "/api/v1/commitments?q=agua",
  };
  // Every cold request first (the app computes and caches public figures on first use), then
  // the warm series, one request at a time.
  const cold = new Map<string, Awaited<ReturnType<typeof timedGet>>>();
  for (const p of Object.values(paths)) {
    cold.set(p, await timedGet(server.base + p));
    console.log(`cold ${p}: ${round(cold.get(p)!.ms)} ms (HTTP ${cold.get(p)!.status})`);
  }
  const endpoints: EndpointTiming[] = [];
  for (const p of Object.values(paths)) {
    endpoints.push(await measureSequential(server.base, p, cold.get(p)!, requests));
    const w = endpoints[endpoints.length - 1].warm;
    console.log(`warm ${p}: p50 ${w.p50} ms, p95 ${w.p95} ms`);
  }

  const coldMs = (p: string) => round(cold.get(p)!.ms);
  const ratio = (p: string, rawSql: string, rawMs: number): Ratio => ({
    path: p,
    rawSql,
    rawMs: round(rawMs),
    coldMs: coldMs(p),
    ratio: Math.round((cold.get(p)!.ms / rawMs) * 10) / 10,
  });
  const r = c.raw;
  const ratios = [
    ratio(paths.home, "mesas + stats", r.mesas.ms + r.stats.ms),
    ratio(paths.mesa, "stats of the mesa", r.mesa.ms),
    ratio(paths.party, "stats of the party", r.party.ms),
    ratio(paths.stats, "stats", r.stats.ms),
    ratio(paths.asOf, "stats as of", r.asOf.ms),
    ratio(paths.statsMesa, "stats of the mesa", r.mesa.ms),
    ratio(paths.statsParty, "stats of the party", r.party.ms),
    ratio(paths.mesas, "counts by mesa", r.mesas.ms),
  ];
  const checked = (p: string, problems: () => string[]) => {
    try {
      return { path: p, problems: cold.get(p)!.status === 200 ? problems() : [`HTTP ${cold.get(p)!.status}`] };
    } catch (error) {
      return { path: p, problems: [`unreadable answer: ${String(error)}`] };
    }
  };
  const statsCheck = (p: string, key: "stats" | "asOf" | "mesa" | "party") =>
    checked(p, () => compareStats(cold.get(p)!.body, r[key].result as never, c.partySlugs));
  const checks = [
    statsCheck(paths.stats, "stats"),
    statsCheck(paths.asOf, "asOf"),
    statsCheck(paths.statsMesa, "mesa"),
    statsCheck(paths.statsParty, "party"),
    checked(paths.mesas, () => compareMesas(cold.get(paths.mesas)!.body, r.mesas.result as never, c.mesaSlugs)),
  ];

  const load: LoadResult[] = [];
  for (const p of [paths.home, paths.mesa]) {
    // A page that takes seconds would leave the server a backlog of minutes after the 10 s
    // run (better-sqlite3 is synchronous), spoiling every later figure: that run is skipped.
    const p50 = endpoints.find((e) => e.path === p)!.warm.p50;
    if (p50 > SLOW_FOR_LOAD_MS) {
      console.log(`autocannon ${p} skipped: warm p50 ${p50} ms`);
      load.push(skippedLoad(p, `warm p50 ${p50} ms > ${SLOW_FOR_LOAD_MS} ms`));
      continue;
    }
    console.log(`autocannon ${p} (50 connections, 10 s)…`);
    load.push(await loadTest(server.base, p));
  }
  console.log("export /api/v1/commitments.csv…");
  const exported = await measureExport(server.base, server.pid, "/api/v1/commitments.csv");
  console.log(
    `export: ${exported.rows} rows in ${exported.ms} ms, server ${exported.rssMB} → ${exported.peakRssMB} MB`,
  );
  const weight: Weight[] = [];
  for (const p of [paths.home, paths.mesa]) weight.push(await firstLoadJs(server.base, p));
  let scores: LighthouseScore[] | null = null;
  if (!values["no-lighthouse"]) {
    scores = [];
    for (const p of [paths.home, paths.mesa]) {
      console.log(`lighthouse ${p}…`);
      scores.push(await lighthouse(server.base, p));
    }
  }
  return {
    machine: machine(),
    database: { file, counts: c.counts },
    requestsPerEndpoint: requests,
    endpoints,
    ratios,
    checks,
    load,
    exported,
    weight,
    lighthouse: scores,
  };
}

main().then(
  (results) => {
    writeResults(results);
    console.log("\n" + markdown(results));
    console.log("Written to bench/results/latest.json and bench/results/latest.md.");
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
