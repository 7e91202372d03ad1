import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, openDatabase, type Db } from "../connection";
import { verifyPassword } from "../passwords";
import { auditLog, mesas, users } from "../schema";
import { CommandError } from "./errors";
import { createUserUnchecked } from "./user-records";

// The `user:add` path: a Db from openDatabase (as the CLI opens it, outside Next), not db/client.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mesa-monitor-cli-"));
const file = path.join(dir, "cli.db");
let db: Db;

beforeAll(() => {
  db = openDatabase(file);
  applyMigrations(db);
  db.insert(mesas)
    .values([
      { slug: "espinar", name: "Espinar", region: "Cusco" },
      { slug: "quellaveco", name: "Quellaveco", region: "Moquegua" },
    ])
    .run();
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("createUserUnchecked", () => {
  it("creates the user as the system: audited with no actor and no secret", async () => {
    const user = await createUserUnchecked(db, {
      email: "Ana@B.pe",
      name: "Ana",
      role: "commissioner",
      mesas: ["quellaveco", "espinar"],
      password: "long enough pass",
    });
    expect(user).toMatchObject({ email: "ana@b.pe", role: "commissioner", mesas: ["espinar", "quellaveco"] });
    const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(await verifyPassword(row.passwordHash, "long enough pass")).toBe(true);
    const trail = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(user.id)))
      .all();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: "user.create", actorUserId: null });
    expect(JSON.stringify(trail)).not.toContain("long enough pass");
  });

  it("refuses bad input (422) or a taken email (409) and writes nothing", async () => {
    const before = db.select({ n: count() }).from(users).get()!.n;
    const error = await createUserUnchecked(db, {
      email: "ana@b.pe",
      name: "Otra",
      role: "monitor",
      mesas: ["nowhere"],
      password: "short",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).issues).toEqual([{ path: "password", code: "weak_password" }]);
    const taken = await createUserUnchecked(db, {
      email: "ANA@b.pe",
      name: "Otra",
      role: "monitor",
      password: "long enough pass",
    }).catch((e: unknown) => e);
    expect((taken as CommandError).status).toBe(409);
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(before);
  });
});

describe("npm run user:add", () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(path.join(process.cwd(), "node_modules/.bin/tsx"), ["db/seed/cli.ts", "user:add", ...args], {
      env: { ...process.env, DATABASE_URL: file },
    }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("creates a user and prints a generated password once", async () => {
    const out = await cli("--email", "beto@b.pe", "--name", "Beto", "--role", "monitor", "--mesa", "espinar");
    expect(out.code).toBe(0);
    const password = /Generated password \(shown only once\): (\S+)/.exec(out.stdout)?.[1];
    expect(password).toBeDefined();
    const row = db.select().from(users).where(eq(users.email, "beto@b.pe")).get()!;
    expect(await verifyPassword(row.passwordHash, password!)).toBe(true);
  }, 30_000);

  it("prints each refused field and exits 2", async () => {
    const out = await cli(
      "--email",
      "beto@b.pe",
      "--name",
      "",
      "--role",
      "boss",
      "--mesa",
      "x-1",
      "--password",
      "short",
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--name: required");
    expect(out.stderr).toContain("--role: invalid_choice");
    expect(out.stderr).toContain("--password: weak_password");
    const unknown = await cli(
      "--email",
      "c@b.pe",
      "--name",
      "C",
      "--role",
      "monitor",
      "--mesa",
      "nowhere",
      "--password",
      "long enough pass",
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--mesa nowhere: invalid_choice");
    expect((await cli("--bogus")).code).toBe(2);
  }, 30_000);
});
