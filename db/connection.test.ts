import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connection-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("opening the database", () => {
  it("makes every commit durable before it is acknowledged (synchronous = FULL in WAL mode)", () => {
    const db = openDatabase(path.join(dir, "durable.db"));
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 is FULL: NORMAL (1) in WAL mode may lose the last commits on a power loss.
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
    db.$client.close();
  });

  it("creates the database and its -wal and -shm files readable by their owner only", () => {
    const file = path.join(dir, "private.db");
    const db = openDatabase(file);
    db.$client.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
    db.$client.close();
  });

  it("takes away the access of others to a database created before, with its -wal and -shm", () => {
    const file = path.join(dir, "older.db");
    openDatabase(file).$client.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.chmodSync(f, 0o644);
    const db = openDatabase(file);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
    db.$client.close();
  });
});
