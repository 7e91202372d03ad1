// The server under test: what `npm start` serves (server/serve.mjs), in its own process group, so that SIGKILL takes it down at
// once with anything it started, as a power cut or the OOM killer would.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type ServerOptions = { port: number; database: string; uploads: string; log: string };

export class CrashableServer {
  private child: ChildProcess | null = null;
  private upSignal = deferred();
  readonly base: string;

  constructor(private readonly options: ServerOptions) {
    this.base = `http://localhost:${options.port}`;
    // Never leave a server behind, whatever happens to the test (Ctrl-C included).
    process.once("exit", () => this.kill());
  }

  /** Resolves once the server answers; writers wait on it after a failed request. */
  up(): Promise<void> {
    return this.upSignal.promise;
  }

  async start(): Promise<void> {
    if (await answers(`${this.base}/sw.js`)) throw new Error(`port ${this.options.port} is in use: choose --port`);
    const log = fs.openSync(this.options.log, "a");
    this.child = spawn(process.execPath, ["server/serve.mjs"], {
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        PORT: String(this.options.port),
        NOTIFY_SCHEDULE: "off",
        DATABASE_URL: this.options.database,
        UPLOADS_DIR: this.options.uploads,
        AUTH_SECRET: "durability-only-secret-not-for-production-0123456789",
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    fs.closeSync(log);
    await this.waitReady();
    this.upSignal.resolve();
  }

  /** SIGKILL to the whole process group: no handler runs, nothing is flushed by the app. */
  kill(): void {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    this.upSignal = deferred();
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  async killAndWait(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    this.kill();
    await exited;
    // The listening socket goes with the process; wait until the port is really free.
    while (await answers(`${this.base}/sw.js`)) await sleep(100);
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null) throw new Error(`the server exited; see ${this.options.log}`);
      if (await answers(`${this.base}/sw.js`)) return;
      await sleep(100);
    }
    throw new Error(`the server did not answer within 60 s; see ${this.options.log}`);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve function (Promise.withResolvers needs Node 22). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
