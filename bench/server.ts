// The production server the benchmark measures: built when the sources are newer than the last
// build (the same check as `npm start`), then the app's server as one child process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { BUILD_SOURCES, mtime, newest } from "../db/seed/build-sources.mjs";

const next = path.resolve("node_modules/.bin/next");

export function ensureBuild(): void {
  if (mtime(".next/BUILD_ID") >= newest(BUILD_SOURCES)) return;
  console.log("Building the app (next build)…");
  const result = spawnSync(next, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export type Server = { base: string; pid: number; stop: () => Promise<void> };

export async function startServer(port: number, databaseFile: string): Promise<Server> {
  // Another server on the port would answer for ours, and be measured instead.
  if (await answers(`http://localhost:${port}/`)) throw new Error(`port ${port} is in use: choose another with --port`);
  // What `npm start` serves (server/serve.mjs: the client address and a log line per request),
  // without the e-mail schedule, whose weekly digests would land in the middle of a measurement.
  const child: ChildProcess = spawn(process.execPath, ["server/serve.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      NOTIFY_SCHEDULE: "off",
      DATABASE_URL: databaseFile,
      AUTH_SECRET: "bench-only-secret-not-for-production-use-0123456789",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  // Never leave a server behind, whatever happens to the bench process (Ctrl-C included).
  process.once("exit", () => child.kill("SIGKILL"));
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      child.kill("SIGKILL");
      process.exit(130);
    });
  const base = `http://localhost:${port}`;
  try {
    await waitReady(`${base}/sw.js`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, pid: child.pid!, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(2000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Polls a static file (it computes no figures, so the first page request stays cold). */
async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${url} within 60 s`);
}
