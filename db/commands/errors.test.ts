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

describe("a body that is not an object", () => {
  // Found by the fuzzer (issue 11): `""`, `0` or `null` as a JSON body answered a 422 whose one
  // issue had the empty path, naming no field.
  it.each([[""], [0], [null], [[]], [[{ title: "a" }]], [true]])(
    "refuses %j as a malformed body, not a field problem",
    (input) => {
      const error = (() => {
        try {
          validate(schema, input);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CommandError);
      expect(error).toMatchObject({ status: 400, code: "invalid_body", issues: [] });
    },
  );
});
