import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { verifyPassword } from "../passwords";
import { listUsers } from "../queries/users";
import { apiTokens, auditLog, userMesas, users } from "../schema";
import { makeMesa, makeUser } from "../testing/fixtures";
import { refusalOf } from "../testing/refusal";
import { viewerForToken, viewerForUser } from "../viewers";
import { createToken } from "./tokens";
import { CommandError } from "./errors";
import {
  createUser,
  disableUser,
  enableUser,
  resetPassword,
  revokeUserTokens,
  setUserMesas,
  setUserRole,
} from "./users";

const PASSWORD = "una clave bastante larga";
let admin: NonNullable<Viewer>;
let commissioner: Viewer;
let monitor: Viewer;

const asViewer = (user: { id: number; name: string; role: "monitor" | "commissioner" | "admin" }) =>
  ({ userId: user.id, name: user.name, role: user.role, mesaIds: [] }) as NonNullable<Viewer>;

const rowCounts = () => ({
  users: getDb().select({ n: count() }).from(users).get()!.n,
  audit: getDb().select({ n: count() }).from(auditLog).get()!.n,
});

/** Runs a command expected to be refused and returns its CommandError. */
const refusal = (run: () => unknown) => refusalOf(async () => run());

const auditOf = (entityId: number) =>
  JSON.stringify(
    getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(entityId)))
      .all(),
  );

beforeAll(() => {
  admin = asViewer(makeUser("admin", "Admin"));
  commissioner = asViewer(makeUser("commissioner"));
  monitor = asViewer(makeUser("monitor"));
  makeMesa("espinar");
  makeMesa("quellaveco");
});

const input = (overrides: Record<string, unknown> = {}) => ({
  email: "  Ana.Quispe@Example.PE ",
  name: "Ana Quispe",
  role: "commissioner",
  mesas: ["espinar", "quellaveco"],
  password: PASSWORD,
  ...overrides,
});

describe("createUser", () => {
  it("refuses the public (401) and non-admins (403)", async () => {
    expect((await refusal(() => createUser(null, input()))).status).toBe(401);
    expect((await refusal(() => createUser(commissioner, input()))).status).toBe(403);
    expect((await refusal(() => createUser(monitor, input()))).status).toBe(403);
    expect(() => listUsers(commissioner)).toThrow(CommandError);
  });

  it("creates the user with a lowercased email, a slow hash and their mesas, audited without secrets", async () => {
    const created = await createUser(admin, input());
    expect(created).toMatchObject({
      email: "ana.quispe@example.pe",
      role: "commissioner",
      disabled: false,
      mesas: ["espinar", "quellaveco"],
    });
    const row = getDb().select().from(users).where(eq(users.id, created.id)).get()!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(getDb().select().from(userMesas).where(eq(userMesas.userId, created.id)).all()).toHaveLength(2);

    const trail = auditOf(created.id);
    expect(trail).toContain("user.create");
    expect(trail).not.toContain(PASSWORD);
    expect(trail).not.toContain(row.passwordHash);
    expect(trail).not.toContain("argon2");

    const listed = listUsers(admin).find((u) => u.id === created.id);
    expect(listed).toEqual(created);
    expect(JSON.stringify(listUsers(admin))).not.toContain("argon2");
  });

  it("answers 409 for an email already in use, whatever its case", async () => {
    const before = rowCounts();
    const error = await refusal(() => createUser(admin, input({ email: "ANA.QUISPE@example.pe" })));
    expect(error.status).toBe(409);
    expect(error.issues).toEqual([{ path: "email", code: "taken" }]);
    expect(rowCounts()).toEqual(before);
  });

  it("refuses a weak password with 422 and writes nothing", async () => {
    const before = rowCounts();
    const error = await refusal(() => createUser(admin, input({ email: "nuevo@example.pe", password: "corta" })));
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([{ path: "password", code: "weak_password" }]);
    expect(rowCounts()).toEqual(before);
  });

  it("lists every bad field at once, unknown mesas by position", async () => {
    const before = rowCounts();
    const error = await refusal(() =>
      createUser(admin, { email: "no es correo", name: "", role: "boss", mesas: ["espinar", "nowhere"], password: "" }),
    );
    expect(error.status).toBe(422);
    expect(error.issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      "email:invalid",
      "name:required",
      "password:required",
      "role:invalid_choice",
    ]);
    const mesaError = await refusal(() =>
      createUser(admin, input({ email: "otro@example.pe", mesas: ["espinar", "nowhere"] })),
    );
    expect(mesaError.issues).toEqual([{ path: "mesas.1", code: "invalid_choice" }]);
    expect(rowCounts()).toEqual(before);
  });
});

describe("managing a user", () => {
  let target: number;
  beforeAll(async () => {
    target = (await createUser(admin, input({ email: "gestion@example.pe", mesas: [] }))).id;
  });

  it("is for admins only", async () => {
    expect((await refusal(() => setUserRole(null, target, "admin"))).status).toBe(401);
    expect((await refusal(() => setUserRole(commissioner, target, "admin"))).status).toBe(403);
    expect((await refusal(() => setUserMesas(monitor, target, ["espinar"]))).status).toBe(403);
    expect((await refusal(() => disableUser(commissioner, target))).status).toBe(403);
    expect((await refusal(() => enableUser(monitor, target))).status).toBe(403);
    expect((await refusal(() => resetPassword(commissioner, target, PASSWORD))).status).toBe(403);
  });

  it("answers 404 for an unknown user", async () => {
    expect((await refusal(() => setUserRole(admin, 999_999, "monitor"))).status).toBe(404);
    expect((await refusal(() => disableUser(admin, Number.NaN))).status).toBe(404);
  });

  it("changes the role and the mesas, effective on the next request", () => {
    expect(setUserRole(admin, target, "monitor").role).toBe("monitor");
    expect(viewerForUser(target)?.role).toBe("monitor");
    expect(setUserMesas(admin, target, ["quellaveco", "espinar", "espinar"]).mesas).toEqual(["espinar", "quellaveco"]);
    expect(viewerForUser(target)?.mesaIds).toHaveLength(2);
    expect(setUserMesas(admin, target, []).mesas).toEqual([]);
    expect(auditOf(target)).toContain("user.mesas");
  });

  it("refuses a bad role or unknown mesa with 422 and writes nothing", async () => {
    const before = rowCounts();
    expect((await refusal(() => setUserRole(admin, target, "boss"))).issues).toEqual([
      { path: "role", code: "invalid_choice" },
    ]);
    expect((await refusal(() => setUserMesas(admin, target, ["nowhere"]))).issues).toEqual([
      { path: "mesas.0", code: "invalid_choice" },
    ]);
    expect(rowCounts()).toEqual(before);
  });

  it("disables a user at once, and enables them again", () => {
    expect(viewerForUser(target)).not.toBeNull();
    expect(disableUser(admin, target).disabled).toBe(true);
    expect(viewerForUser(target)).toBeNull();
    expect(enableUser(admin, target).disabled).toBe(false);
    expect(viewerForUser(target)).not.toBeNull();
  });

  it("does not let an admin disable or demote themself", async () => {
    const disabling = await refusal(() => disableUser(admin, admin.userId));
    expect(disabling.status).toBe(422);
    expect(disabling.issues).toEqual([{ path: "userId", code: "invalid" }]);
    expect((await refusal(() => setUserRole(admin, admin.userId, "monitor"))).status).toBe(422);
    expect(viewerForUser(admin.userId)?.role).toBe("admin");
  });

  it("resets a password, auditing the fact but not the secret", async () => {
    expect((await refusal(() => resetPassword(admin, target, "short"))).issues).toEqual([
      { path: "password", code: "weak_password" },
    ]);
    const fresh = "otra frase de paso segura";
    await resetPassword(admin, target, fresh);
    const row = getDb().select().from(users).where(eq(users.id, target)).get()!;
    expect(await verifyPassword(row.passwordHash, fresh)).toBe(true);
    const trail = auditOf(target);
    expect(trail).toContain("user.password_reset");
    expect(trail).not.toContain(fresh);
    expect(trail).not.toContain(row.passwordHash);
  });

  it("ends the sessions signed in before a password reset, not later ones", async () => {
    const signedInBefore = Date.now();
    expect(viewerForUser(target, signedInBefore)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await resetPassword(admin, target, "la nueva frase de paso");
    expect(viewerForUser(target, signedInBefore)).toBeNull();
    expect(viewerForUser(target, Date.now() + 1)).not.toBeNull();
  });
});

describe("API tokens after a password reset or disabling (issue 11, item 3)", () => {
  it("revokes every token of the user: a phished commissioner's token stops with the reset", async () => {
    const user = makeUser("commissioner");
    const self = asViewer(user);
    const { token } = createToken(self, { name: "script" });
    const { token: second } = createToken(self, { name: "portátil" });
    expect(viewerForToken(token)?.userId).toBe(user.id);
    await resetPassword(admin, user.id, "una frase de paso completamente nueva");
    expect(viewerForToken(token)).toBeNull();
    expect(viewerForToken(second)).toBeNull();
    // A token made after the reset works.
    expect(viewerForToken(createToken(self, { name: "nuevo" }).token)?.userId).toBe(user.id);
  });

  it("revokes them on disabling, and enabling again does not bring them back", () => {
    const user = makeUser("monitor");
    const { token } = createToken(asViewer(user), { name: "teléfono" });
    disableUser(admin, user.id);
    enableUser(admin, user.id);
    expect(viewerForUser(user.id)).not.toBeNull();
    expect(viewerForToken(token)).toBeNull();
    const revoked = getDb().select().from(apiTokens).where(eq(apiTokens.userId, user.id)).all();
    expect(revoked.every((t) => t.revokedAt !== null)).toBe(true);
  });
});

describe("an admin revoking all of a user's API tokens (issue 11, item 3)", () => {
  it("revokes every live token of the user, and only theirs, with an audit row that counts them", () => {
    const user = makeUser("commissioner");
    const other = makeUser("monitor");
    const { token } = createToken(asViewer(user), { name: "script" });
    const { token: second } = createToken(asViewer(user), { name: "portátil" });
    const { token: theirs } = createToken(asViewer(other), { name: "celular" });

    expect(revokeUserTokens(admin, user.id)).toEqual({ tokensRevoked: 2 });
    expect(viewerForToken(token)).toBeNull();
    expect(viewerForToken(second)).toBeNull();
    expect(viewerForToken(theirs)?.userId).toBe(other.id);
    // The account itself keeps working.
    expect(viewerForUser(user.id)).not.toBeNull();
    expect(auditOf(user.id)).toContain('"action":"user.tokens_revoke"');
    expect(auditOf(user.id)).toContain('"tokensRevoked":2');
    // Nothing left to revoke: no change, no audit row.
    const before = rowCounts().audit;
    expect(revokeUserTokens(admin, user.id)).toEqual({ tokensRevoked: 0 });
    expect(rowCounts().audit).toBe(before);
  });

  it("is for admins only, and an unknown user is a 404", async () => {
    const user = makeUser("monitor");
    expect((await refusal(() => revokeUserTokens(commissioner, user.id))).status).toBe(403);
    expect((await refusal(() => revokeUserTokens(null, user.id))).status).toBe(401);
    expect((await refusal(() => revokeUserTokens(admin, 999_999))).status).toBe(404);
  });
});

describe("managing accounts with an API token", () => {
  it("is refused (403): a stolen admin token cannot make accounts or reset passwords", async () => {
    const viaToken = { ...admin, viaToken: true as const };
    const user = makeUser("monitor");
    const before = rowCounts();
    expect((await refusal(() => createUser(viaToken, input({ email: "token@example.pe" })))).status).toBe(403);
    expect((await refusal(() => resetPassword(viaToken, user.id, "una clave bastante larga"))).status).toBe(403);
    expect((await refusal(() => setUserRole(viaToken, user.id, "admin"))).status).toBe(403);
    expect((await refusal(() => revokeUserTokens(viaToken, user.id))).status).toBe(403);
    expect(rowCounts()).toEqual(before);
  });
});
