import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../client";
import * as passwords from "../passwords";
import { users } from "../schema";
import { ADDRESS_LIMIT, MAX_DELAY_MS, PAIR_LIMIT, accountDelayMs, addressBucket, attemptSignIn } from "./sign-in";

vi.mock("../passwords", async (importOriginal) => {
  const original = await importOriginal<typeof import("../passwords")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const PASSWORD = "una clave bastante larga";

beforeAll(async () => {
  const passwordHash = await passwords.hashPassword(PASSWORD);
  getDb()
    .insert(users)
    .values(
      ["ana", "beto", "carla", "dina", "eli", "owner"].map((name) => ({
        email: `${name}@example.pe`,
        name,
        role: "monitor" as const,
        passwordHash,
      })),
    )
    .run();
  getDb()
    .insert(users)
    .values({ email: "off@example.pe", name: "Off", role: "monitor", passwordHash, disabledAt: "2026-01-01T00:00:00Z" })
    .run();
});

/** The delays attemptSignIn asked for, instead of waiting them out. */
const delays: number[] = [];
const sleep = async (ms: number) => void delays.push(ms);

const attempt = (email: string, password: string, address = "10.0.0.1") =>
  attemptSignIn({ email, password, address }, { sleep });

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
const randomAddress = (i: number) => `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;

describe("sign-in", () => {
  it("accepts the right password, whatever the email's case and spaces", async () => {
    expect(await attempt("  ANA@example.pe ", PASSWORD)).toMatchObject({ name: "ana" });
  });

  it("refuses a wrong password, an unknown account and a disabled one alike", async () => {
    expect(await attempt("beto@example.pe", "wrong", "10.0.0.2")).toBeNull();
    expect(await attempt("nadie@example.pe", "wrong", "10.0.0.2")).toBeNull();
    expect(await attempt("off@example.pe", PASSWORD, "10.0.0.2")).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it("throttles one address on one account after repeated failures, known or unknown, even with the right password", async () => {
    for (const email of ["carla@example.pe", "fantasma@example.pe"]) {
      const failures = await Promise.all(times(PAIR_LIMIT, (i) => attempt(email, `wrong ${i}`, "10.1.1.1")));
      expect(failures).toEqual(Array(PAIR_LIMIT).fill(null));
      expect(await attempt(email, PASSWORD, "10.1.1.1")).toBe("throttled");
    }
  });

  it("does not lock the account for its owner elsewhere, nor other accounts from that address", async () => {
    await Promise.all(times(PAIR_LIMIT, (i) => attempt("dina@example.pe", `wrong ${i}`, "10.2.2.2")));
    expect(await attempt("dina@example.pe", PASSWORD, "10.2.2.2")).toBe("throttled");
    expect(await attempt("dina@example.pe", PASSWORD, "10.9.9.9")).toMatchObject({ name: "dina" });
    expect(await attempt("ana@example.pe", PASSWORD, "10.2.2.2")).toMatchObject({ name: "ana" });
  });

  it("lets the real owner sign in from their address after 50 failures from random addresses, only slowed down", async () => {
    const guesses = times(50, (i) => attempt("owner@example.pe", `guess ${i}`, randomAddress(i)));
    expect(await Promise.all(guesses)).toEqual(Array(50).fill(null));
    delays.length = 0;
    expect(await attempt("owner@example.pe", PASSWORD, "10.3.3.3")).toMatchObject({ name: "owner" });
    expect(delays).toEqual([MAX_DELAY_MS]);
  }, 30_000);

  it("slows an account under attack more with each failure, up to a cap", () => {
    const steps = Array.from({ length: 40 }, (_, failures) => accountDelayMs(failures));
    expect(steps.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(steps[5]).toBeGreaterThan(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]);
    expect(Math.max(...steps)).toBe(MAX_DELAY_MS);
  });

  it("refuses an address that tried too many accounts before checking any password", async () => {
    await Promise.all(times(ADDRESS_LIMIT, (i) => attempt(`probe${i}@example.pe`, "wrong", "10.5.5.5")));
    vi.mocked(passwords.verifyPassword).mockClear();
    for (let i = 0; i < 20; i++) expect(await attempt(`more${i}@example.pe`, "wrong", "10.5.5.5")).toBe("throttled");
    expect(await attempt("eli@example.pe", PASSWORD, "10.5.5.5")).toBe("throttled");
    expect(passwords.verifyPassword).not.toHaveBeenCalled();
    expect(await attempt("eli@example.pe", PASSWORD, "10.5.5.6")).toMatchObject({ name: "eli" });
  });

  it("counts an IPv6 client by its /64 network, since one host can use all of it", async () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(addressBucket("2001:db8:1:2::1")).not.toBe(addressBucket("2001:db8:1:3::1"));
    expect(addressBucket("::1")).toBe(addressBucket("0:0:0:0:0:0:0:1"));
    expect(addressBucket("10.0.0.1")).not.toBe(addressBucket("10.0.0.2"));
    await Promise.all(times(PAIR_LIMIT, (i) => attempt("fantasma6@example.pe", "wrong", `2001:db8:7:7::${i + 1}`)));
    expect(await attempt("fantasma6@example.pe", "wrong", "2001:db8:7:7:ffff::9")).toBe("throttled");
  });
});

describe("sign-in under a burst", () => {
  it("lets no more than the limit of parallel guesses from one address through", async () => {
    const results = await Promise.all(times(12, (i) => attempt("burst@example.pe", `guess ${i}`, "10.7.7.7")));
    expect(results.filter((r) => r === "throttled")).toHaveLength(12 - PAIR_LIMIT);
  });
});
