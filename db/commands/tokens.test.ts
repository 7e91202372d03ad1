import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { listTokens } from "../queries/tokens";
import { apiTokens, auditLog } from "../schema";
import { makeUser } from "../testing/fixtures";
import { hashToken, viewerForToken, viewerForUser } from "../viewers";
import { CommandError } from "./errors";
import { createToken, revokeToken, TOKEN_LIFETIMES } from "./tokens";
import { disableUser } from "./users";

let admin: Viewer;
let ana: Viewer;
let beto: Viewer;

const viewerOf = (role: "monitor" | "commissioner" | "admin") => viewerForUser(makeUser(role).id)!;

function statusOf(run: () => unknown): number {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error.status;
    throw error;
  }
  return 200;
}

beforeAll(() => {
  admin = viewerOf("admin");
  ana = viewerOf("monitor");
  beto = viewerOf("commissioner");
});

describe("API tokens", () => {
  it("are only for signed-in users", () => {
    expect(statusOf(() => createToken(null, { name: "x" }))).toBe(401);
    expect(statusOf(() => revokeToken(null, 1))).toBe(401);
    expect(statusOf(() => listTokens(null))).toBe(401);
  });

  it("refuse a blank name with 422", () => {
    expect(statusOf(() => createToken(ana, { name: "  " }))).toBe(422);
    expect(listTokens(ana)).toEqual([]);
  });

  it("are returned once, stored only as a hash, and resolve to their owner while recording use", () => {
    const created = createToken(ana, { name: "Script de reportes" });
    expect(created.token).toMatch(/^mm_[A-Za-z0-9_-]{43}$/);
    const row = getDb().select().from(apiTokens).where(eq(apiTokens.id, created.id)).get()!;
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.lastUsedAt).toBeNull();

    expect(viewerForToken(created.token)).toEqual({ ...ana, viaToken: true });
    const listed = listTokens(ana);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: created.id, name: "Script de reportes", revokedAt: null });
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "revokedAt"]);
  });

  it("are listed and revoked by their owner only", () => {
    const mine = createToken(beto, { name: "Beto" });
    expect(listTokens(ana).map((t) => t.id)).not.toContain(mine.id);
    expect(statusOf(() => revokeToken(ana, mine.id))).toBe(404);
    expect(statusOf(() => revokeToken(admin, mine.id))).toBe(404);
    expect(statusOf(() => revokeToken(beto, 999_999))).toBe(404);
    expect(viewerForToken(mine.token)).toEqual({ ...beto, viaToken: true });

    revokeToken(beto, mine.id);
    expect(viewerForToken(mine.token)).toBeNull();
    expect(listTokens(beto).find((t) => t.id === mine.id)?.revokedAt).not.toBeNull();
    expect(() => revokeToken(beto, mine.id)).not.toThrow();
  });

  it("stop working when their owner is disabled", () => {
    const { token } = createToken(ana, { name: "Celular" });
    expect(viewerForToken(token)).not.toBeNull();
    disableUser(admin, ana!.userId);
    expect(viewerForToken(token)).toBeNull();
  });

  it("never appear in the audit log, in plain or hashed form", () => {
    const created = createToken(admin, { name: "Auditado" });
    revokeToken(admin, created.id);
    const trail = JSON.stringify(getDb().select().from(auditLog).all());
    expect(trail).toContain("token.create");
    expect(trail).toContain("token.revoke");
    expect(trail).not.toContain(created.token);
    expect(trail).not.toContain(hashToken(created.token));
    expect(trail).not.toContain("mm_");
  });
});

describe("API token expiry (issue 11, item 3)", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const expiryOf = (id: number) => getDb().select().from(apiTokens).where(eq(apiTokens.id, id)).get()!.expiresAt;
  const daysFromNow = (iso: string | null) => Math.round((Date.parse(iso!) - Date.now()) / DAY);

  it("offers 30, 90 and 365 days or none, and expires in 90 days unless told otherwise", () => {
    expect(TOKEN_LIFETIMES).toEqual(["30", "90", "365", "never"]);
    expect(daysFromNow(expiryOf(createToken(beto, { name: "por defecto" }).id))).toBe(90);
    expect(daysFromNow(expiryOf(createToken(beto, { name: "un mes", expiresIn: "30" }).id))).toBe(30);
    expect(daysFromNow(expiryOf(createToken(beto, { name: "un año", expiresIn: "365" }).id))).toBe(365);
    expect(expiryOf(createToken(beto, { name: "sin fin", expiresIn: "never" }).id)).toBeNull();
  });

  it("refuses any other lifetime with 422 naming the field", () => {
    const error = (() => {
      try {
        createToken(beto, { name: "raro", expiresIn: "7" });
      } catch (e) {
        return e as CommandError;
      }
    })();
    expect(error?.status).toBe(422);
    expect(error?.issues.map((i) => i.path)).toEqual(["expiresIn"]);
  });

  it("lists the expiry, and an expired token is refused like a revoked one", () => {
    const created = createToken(beto, { name: "caduca" });
    expect(listTokens(beto).find((t) => t.id === created.id)?.expiresAt).toBe(expiryOf(created.id));
    expect(viewerForToken(created.token)).not.toBeNull();
    const past = new Date(Date.now() - 1000).toISOString();
    getDb().update(apiTokens).set({ expiresAt: past }).where(eq(apiTokens.id, created.id)).run();
    expect(viewerForToken(created.token)).toBeNull();
  });

  it("cannot be stretched: a request signed in with a token may not make another token", () => {
    const { token } = createToken(beto, { name: "script" });
    const viaToken = viewerForToken(token);
    expect(statusOf(() => createToken(viaToken, { name: "eterno", expiresIn: "never" }))).toBe(403);
  });
});
