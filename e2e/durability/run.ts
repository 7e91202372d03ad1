// `npm run test:durability [-- --rounds N --writers W --port P]` (issue 11): writers submit
// evidence and status changes over the API while the production server is killed with SIGKILL at
// random moments and started again; then every acknowledged write must be stored exactly once,
// every file whole, the database intact. In the middle, `db:backup` runs under the same load, and
// the backup is restored into a fresh folder and checked the same way.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { intOption } from "../../bench/args";
import { ensureBuild } from "../../bench/server";
import { pdf } from "./files";
import { CrashableServer, sleep } from "./server";
import { WRITER_PREFIX, type Ledger, type WriterAccount } from "./types";
import { tally, verify, type Acknowledged } from "./verify";
import { Writer } from "./writer";

const { values } = parseArgs({
  options: { rounds: { type: "string" }, writers: { type: "string" }, port: { type: "string" } },
  strict: true,
});
const rounds = intOption(values, "rounds", 10);
const writerCount = Math.max(1, intOption(values, "writers", 4));
const port = intOption(values, "port", Number(process.env.DURABILITY_PORT ?? 3125));

const dataDir = path.resolve(".durability-data");
const live = { database: path.join(dataDir, "live.db"), uploads: path.join(dataDir, "uploads") };
const restored = {
  database: path.join(dataDir, "restored/restored.db"),
  uploads: path.join(dataDir, "restored/uploads"),
};
const backupFile = path.join(dataDir, "backup.tar");
const tsx = path.resolve("node_modules/.bin/tsx");

async function main() {
  ensureBuild();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const accounts = prepare();

  const server = new CrashableServer({ port, ...live, log: path.join(dataDir, "server.log") });
  const ledger: Ledger = { evidence: [], statusChanges: [], appliedUnacknowledged: [], retries: 0, serverErrors: 0 };
  await server.start();
  const shared = await pdf("Acta compartida por todos los monitores");
  const writers = accounts.map((account, n) => new Writer(`${WRITER_PREFIX}${n}`, account, server, ledger, shared));
  const running = writers.map((writer) => writer.run());
  let failure: unknown = null;
  void Promise.all(running).catch((error: unknown) => (failure ??= error));

  let backup: Acknowledged | null = null;
  const backupRound = Math.ceil(rounds / 2);
  for (let round = 1; round <= rounds && !failure; round++) {
    // Most kills land among warm writes; some while the restarted server is still warming up.
    if (Math.random() < 0.7) await acknowledgedSince(ledger, writesOf(ledger));
    await sleep(500 + Math.random() * 2500);
    if (round === backupRound) backup = await backUpUnderLoad(ledger);
    await server.killAndWait();
    console.log(`round ${round}/${rounds}: killed after ${writesOf(ledger)} acknowledged writes`);
    await sleep(Math.random() * 500);
    await server.start();
  }
  if (rounds === 0) backup = await backUpUnderLoad(ledger);
  await sleep(1000);
  for (const writer of writers) writer.stop();
  await Promise.allSettled(running);
  await server.killAndWait();
  if (failure) throw failure;

  const problems = await verify(live.database, live.uploads, ledger);
  const restoreProblems = backup ? await restoreAndVerify(backup) : [];
  const counts = tally(live.database);
  console.log(
    `${rounds} kill(s), ${writerCount} writer(s): ${ledger.evidence.length} evidence and ${ledger.statusChanges.length} status changes acknowledged, ` +
      `${ledger.appliedUnacknowledged.length} change(s) applied without an answer, ${ledger.retries} retried request(s); ` +
      `the database holds ${counts.evidence} evidence, ${counts.files} files, ${counts.statusChanges} status changes`,
  );
  const all = [
    ...problems,
    ...restoreProblems.map((p) => `restored backup: ${p}`),
    ...(ledger.serverErrors ? [`${ledger.serverErrors} answer(s) were 5xx`] : []),
  ];
  if (all.length) {
    console.error(`FAILED (data kept in ${dataDir}):\n${all.join("\n")}`);
    process.exit(1);
  }
  console.log(
    "OK: nothing acknowledged was lost or doubled; every file hashes to its name; integrity ok; the backup restores",
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const writesOf = (ledger: Ledger) => ledger.evidence.length + ledger.statusChanges.length;

/** Waits until a write after the first `count` is acknowledged. */
async function acknowledgedSince(ledger: Ledger, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (writesOf(ledger) <= count) {
    if (Date.now() > deadline) throw new Error("no write was acknowledged for 2 minutes");
    await sleep(50);
  }
}

function prepare(): WriterAccount[] {
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/durability/prepare.ts", String(writerCount)],
    { env: { ...process.env, DATABASE_URL: live.database, UPLOADS_DIR: live.uploads }, encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1)!) as WriterAccount[];
}

/** `db:backup` while the writers go on; answers what had been acknowledged before it started. */
async function backUpUnderLoad(ledger: Ledger): Promise<Acknowledged> {
  const before = { evidence: [...ledger.evidence], statusChanges: [...ledger.statusChanges] };
  const during = ledger.evidence.length;
  await promisify(execFile)(tsx, ["db/seed/cli.ts", "backup", backupFile], {
    env: { ...process.env, DATABASE_URL: live.database, UPLOADS_DIR: live.uploads },
  });
  console.log(`backup written while ${ledger.evidence.length - during} evidence were acknowledged`);
  return before;
}

/** The backup restored into a fresh folder holds everything acknowledged before it, whole. */
async function restoreAndVerify(before: Acknowledged): Promise<string[]> {
  const mode = fs.statSync(backupFile).mode & 0o777;
  await promisify(execFile)(tsx, ["db/seed/cli.ts", "restore", backupFile], {
    env: { ...process.env, DATABASE_URL: restored.database, UPLOADS_DIR: restored.uploads },
  });
  const problems = await verify(restored.database, restored.uploads, before);
  if (mode !== 0o600) problems.push(`the backup's mode is ${mode.toString(8)}, not 600`);
  return problems;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
