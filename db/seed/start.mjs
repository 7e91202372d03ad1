// `npm start` (CONTRACT §3): install when needed, build when sources changed, prepare the
// database (migrations, demo set, first admin), keep an AUTH_SECRET, then serve on PORT.
// Plain Node on purpose: it must run on a fresh clone before any dependency is installed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_SOURCES, mtime, newest } from "./build-sources.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\`${command} ${args.join(" ")}\` failed`);
    process.exit(result.status ?? 1);
  }
}

if (mtime("node_modules/.package-lock.json") < mtime("package-lock.json")) {
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

if (mtime(".next/BUILD_ID") < newest(BUILD_SOURCES)) {
  console.log("Building the app (next build)…");
  run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

const databaseFile = path.resolve(process.env.DATABASE_URL ?? "./data/mesa-monitor.db");
const env = { ...process.env, DATABASE_URL: databaseFile, NEXT_TELEMETRY_DISABLED: "1" };
run(bin("tsx"), ["db/seed/cli.ts", "prepare"], env);

if (!env.AUTH_SECRET) {
  // Kept beside the database (./data/ by default) so sessions survive restarts.
  const secretFile = path.join(path.dirname(databaseFile), "auth-secret");
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}
env.AUTH_TRUST_HOST ??= "true";

// Figures cached by an earlier run are never read again (db/cache/figures.ts keys them by process).
fs.rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

// Next's request handler behind our own small server, which knows the client's address and
// logs each request (server/serve.mjs); PORT (default 3000) and TRUST_PROXY are read there.
const server = spawn(process.execPath, ["server/serve.mjs"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
