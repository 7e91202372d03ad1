import { describe, expect, it } from "vitest";
import { TooManyUploads, uploadBudget } from "./upload-budget";

const MB = 1024 * 1024;
const HOUR = 3600_000;

function refusalOf(fn: () => unknown): TooManyUploads {
  try {
    fn();
  } catch (error) {
    if (error instanceof TooManyUploads) return error;
    throw error;
  }
  throw new Error("expected a 429");
}

describe("the upload budget per user", () => {
  it("admits N submissions an hour, then answers 429 with the seconds until the oldest leaves", () => {
    let now = 0;
    const budget = uploadBudget({ submissions: 3, bytes: 100 * MB, windowMs: HOUR }, () => now);
    budget.admit(1, MB);
    now = 10 * 60_000;
    budget.admit(1, MB);
    budget.admit(1, MB);
    const error = refusalOf(() => budget.admit(1, MB));
    expect(error.status).toBe(429);
    expect(error.code).toBe("too_many_uploads");
    expect(error.retryAfterSeconds).toBe(50 * 60);
    // Another user has their own budget.
    budget.admit(2, MB);
    now = HOUR;
    budget.admit(1, MB);
  });

  it("counts bytes: declared ones, and what a body without Content-Length turned out to carry", () => {
    let now = 0;
    const budget = uploadBudget({ submissions: 100, bytes: 50 * MB, windowMs: HOUR }, () => now);
    budget.admit(1, 30 * MB);
    now = 60_000;
    const received = budget.admit(1, 0);
    received(15 * MB);
    const error = refusalOf(() => budget.admit(1, 10 * MB));
    // The first one must leave the window: then 15 + 10 fit.
    expect(error.retryAfterSeconds).toBe(HOUR / 1000 - 60);
    budget.admit(1, 5 * MB);
    now = HOUR;
    budget.admit(1, 10 * MB);
  });

  it("admits one submission bigger than the whole budget when nothing else was sent", () => {
    const budget = uploadBudget({ submissions: 10, bytes: 10 * MB, windowMs: HOUR }, () => 0);
    budget.admit(1, 20 * MB);
    expect(refusalOf(() => budget.admit(1, 1)).status).toBe(429);
  });
});
