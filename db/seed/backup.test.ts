import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { create } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase } from "../connection";
import { files } from "../schema";

// `npm run db:backup -- FILE` and `npm run db:restore -- FILE`, run as the CLI (CONTRACT §3).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mesa-monitor-backup-"));
const source = { database: path.join(dir, "live/app.db"), uploads: path.join(dir, "live/uploads") };
const contents = ["first file", "second file", "third file"].map((text) => Buffer.from(text));
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const stored = (uploads: string, hash: string) => path.join(uploads, hash.slice(0, 2), hash);
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

async function cli(args: string[], target = source) {
  const run = promisify(execFile);
  return run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["db/seed/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: target.database, UPLOADS_DIR: target.uploads },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const freshTarget = (name: string) => ({
  database: path.join(dir, name, "restored.db"),
  uploads: path.join(dir, name, "uploads"),
});

function shasIn(database: string): string[] {
  const db = new Database(database, { readonly: true });
  const rows = db.prepare("SELECT sha256 FROM files ORDER BY sha256").pluck().all() as string[];
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  db.close();
  return rows;
}

beforeAll(() => {
  const db = openDatabase(source.database);
  applyMigrations(db);
  for (const data of contents) {
    fs.mkdirSync(path.dirname(stored(source.uploads, sha(data))), { recursive: true });
    fs.writeFileSync(stored(source.uploads, sha(data)), data);
    db.insert(files)
      .values({ sha256: sha(data), mimeType: "application/pdf", sizeBytes: data.length })
      .run();
  }
  db.$client.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("db:backup and db:restore", { timeout: 30_000 }, () => {
  it("writes a backup that only its owner can read, and restores database and uploads into a fresh folder", async () => {
    const file = path.join(dir, "backup.tar");
    expect((await cli(["backup", file])).code).toBe(0);
    expect(modeOf(file)).toBe(0o600);

    const target = freshTarget("fresh");
    const restored = await cli(["restore", file], target);
    expect(restored.code, restored.stderr).toBe(0);
    expect(shasIn(target.database)).toEqual(contents.map(sha).sort());
    for (const data of contents) expect(fs.readFileSync(stored(target.uploads, sha(data)))).toEqual(data);
    expect(modeOf(target.database)).toBe(0o600);
  });

  it("refuses to restore over a database or uploads that are there, unless told --force", async () => {
    const file = path.join(dir, "again.tar");
    expect((await cli(["backup", file])).code).toBe(0);
    const target = freshTarget("occupied");
    fs.mkdirSync(path.dirname(target.database), { recursive: true });
    fs.writeFileSync(target.database, "not to be lost");

    const refused = await cli(["restore", file], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(fs.readFileSync(target.database, "utf8")).toBe("not to be lost");

    const forced = await cli(["restore", file, "--force"], target);
    expect(forced.code, forced.stderr).toBe(0);
    expect(shasIn(target.database)).toEqual(contents.map(sha).sort());
  });

  it("refuses a backup whose file does not hash to its name, and writes nothing", async () => {
    const staging = path.join(dir, "tampered");
    const file = path.join(dir, "backup-to-tamper.tar");
    expect((await cli(["backup", file])).code).toBe(0);
    fs.mkdirSync(staging);
    await promisify(execFile)("tar", ["-xf", file, "-C", staging]);
    const victim = stored(path.join(staging, "uploads"), sha(contents[0]!));
    fs.chmodSync(victim, 0o600);
    fs.writeFileSync(victim, "altered");
    await create({ file: path.join(dir, "tampered.tar"), cwd: staging }, fs.readdirSync(staging));

    const target = freshTarget("from-tampered");
    const refused = await cli(["restore", path.join(dir, "tampered.tar")], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(sha(contents[0]!));
    expect(fs.existsSync(target.database)).toBe(false);
    expect(fs.existsSync(stored(target.uploads, sha(contents[1]!)))).toBe(false);
  });
});
