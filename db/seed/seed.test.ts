import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { verifyPassword } from "../passwords";
import { getStats } from "../queries/stats";
import { listMesas } from "../queries/mesas";
import { OPEN_STATUSES, todayIn } from "../rules";
import { auditLog, commitments, users } from "../schema";
import { demoLoaded } from "../settings";
import { ensureAdmin } from "./admin";
import { hasAnyMesa, loadDemo } from "./demo";

const today = todayIn(appTimeZone());

describe("first start", () => {
  beforeAll(async () => {
    await ensureAdmin(getDb(), { ADMIN_EMAIL: "Jefa@Example.org", ADMIN_PASSWORD: "correct horse battery" });
    await loadDemo(getDb(), today);
  });

  it("creates the admin from the environment, with a slow hash, once", async () => {
    const admin = getDb().select().from(users).where(eq(users.role, "admin")).all();
    expect(admin).toHaveLength(1);
    expect(admin[0].email).toBe("jefa@example.org");
    expect(admin[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin[0].passwordHash, "correct horse battery")).toBe(true);
    expect(await ensureAdmin(getDb(), { ADMIN_EMAIL: "other@example.org" })).toBeNull();
  });

  it("loads the three mesas with at least 60 commitments and marks the demo as loaded", async () => {
    expect((await listMesas(null)).map((m) => m.slug).sort()).toEqual(["espinar", "las-bambas", "quellaveco"]);
    expect(getDb().select({ n: count() }).from(commitments).get()!.n).toBeGreaterThanOrEqual(60);
    expect(demoLoaded(getDb())).toBe(true);
  });

  it("always has overdue, due-this-month and closed commitments, whatever the day", async () => {
    const stats = await getStats(null);
    expect(stats.overdue).toBeGreaterThan(0);
    expect(stats.counts.fulfilled + stats.counts.broken + stats.counts.superseded).toBeGreaterThan(0);
    const open = getDb()
      .select({ status: commitments.status, dueOn: commitments.dueOn })
      .from(commitments)
      .all()
      .filter((c) => OPEN_STATUSES.includes(c.status));
    expect(open.some((c) => c.dueOn?.slice(0, 7) === today.slice(0, 7) && c.dueOn >= today)).toBe(true);
  });

  it("refuses to load the demo set twice", async () => {
    expect(hasAnyMesa(getDb())).toBe(true);
    await expect(loadDemo(getDb(), today)).rejects.toThrow(/empty/);
  });

  it("keeps the audit log append-only at the database level", () => {
    const db = getDb();
    expect(() => db.update(auditLog).set({ action: "tampered" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
  });
});

describe("generated admin password", () => {
  it("is returned once when ADMIN_PASSWORD is unset", async () => {
    const db = getDb();
    db.delete(users).where(eq(users.role, "admin")).run();
    const created = await ensureAdmin(db, {});
    expect(created?.email).toBe("admin@mesamonitor.local");
    expect(created?.generatedPassword).toMatch(/^[\w-]{24}$/);
    const admin = db.select().from(users).where(eq(users.role, "admin")).get()!;
    expect(await verifyPassword(admin.passwordHash, created!.generatedPassword!)).toBe(true);
  });
});
