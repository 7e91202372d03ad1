import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { hashPassword } from "../passwords";
import { users } from "../schema";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, attemptSignIn } from "./sign-in";

const PASSWORD = "una clave bastante larga";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  getDb()
    .insert(users)
    .values([
      { email: "ana@example.pe", name: "Ana", role: "commissioner", passwordHash },
      { email: "beto@example.pe", name: "Beto", role: "monitor", passwordHash },
      { email: "off@example.pe", name: "Off", role: "monitor", passwordHash, disabledAt: "2026-01-01T00:00:00Z" },
    ])
    .run();
});

const attempt = (email: string, password: string, address = "10.0.0.1") => attemptSignIn({ email, password, address });

describe("sign-in", () => {
  it("accepts the right password, whatever the email's case and spaces", async () => {
    expect(await attempt("  ANA@example.pe ", PASSWORD)).toMatchObject({ name: "Ana" });
  });

  it("refuses a wrong password, an unknown account and a disabled one alike", async () => {
    expect(await attempt("beto@example.pe", "wrong", "10.0.0.2")).toBeNull();
    expect(await attempt("nadie@example.pe", "wrong", "10.0.0.2")).toBeNull();
    expect(await attempt("off@example.pe", PASSWORD, "10.0.0.2")).toBeNull();
  });

  it("throttles an account after repeated failures, even with the right password, for known and unknown accounts", async () => {
    for (const email of ["beto@example.pe", "fantasma@example.pe"]) {
      for (let i = 0; i < ACCOUNT_LIMIT; i++) await attempt(email, `wrong ${i}`, `10.1.${i}.1`);
      expect(await attempt(email, PASSWORD, "10.9.9.9")).toBe("throttled");
    }
    // Another account is not affected.
    expect(await attempt("ana@example.pe", PASSWORD, "10.9.9.9")).toMatchObject({ name: "Ana" });
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) await attempt(`probe${i}@example.pe`, "wrong", "10.5.5.5");
    expect(await attempt("ana@example.pe", PASSWORD, "10.5.5.5")).toBe("throttled");
    expect(await attempt("ana@example.pe", PASSWORD, "10.5.5.6")).toMatchObject({ name: "Ana" });
  });
});

describe("sign-in under a burst", () => {
  it("lets no more than the limit of parallel guesses through", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt("burst@example.pe", `guess ${i}`, `10.7.${i}.1`)),
    );
    expect(results.filter((r) => r === "throttled")).toHaveLength(12 - ACCOUNT_LIMIT);
  });
});
