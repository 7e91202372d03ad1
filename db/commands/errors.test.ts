import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CommandError, validate } from "./errors";

const schema = z.object({ title: z.string().min(1).max(5), count: z.number(), day: z.iso.date() }).strict();

function issuesOf(input: unknown) {
  try {
    validate(schema, input);
  } catch (error) {
    if (error instanceof CommandError) return error.issues;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("field issues", () => {
  it("says 'required' for a missing field but 'invalid' for a value of the wrong type", () => {
    expect(issuesOf({ count: "three", day: "2026-01-01" })).toEqual([
      { path: "title", code: "required" },
      { path: "count", code: "invalid" },
    ]);
  });

  it("names overlong text, bad dates and unknown fields", () => {
    expect(issuesOf({ title: "too long", count: 1, day: "2026-02-30", extra: true })).toEqual([
      { path: "title", code: "too_long" },
      { path: "day", code: "invalid_date" },
      { path: "extra", code: "invalid" },
    ]);
  });
});
