import { expect, it } from "vitest";
import { appTimeZone } from "../config";
import { shiftDate, todayIn } from "../rules";
import { issuesFromZod } from "../commands/errors";
import { createCommitmentSchema } from "../commands/commitment-input";
import { statsParamsSchema } from "./filters";

const issuesOf = (result: { success: boolean; error?: Parameters<typeof issuesFromZod>[0] }) =>
  result.success ? [] : issuesFromZod(result.error!);

it("refuses an asOf after today and years out of range, naming the parameter (issue 11)", () => {
  const today = todayIn(appTimeZone());
  expect(statsParamsSchema.safeParse({ asOf: today }).success).toBe(true);
  expect(statsParamsSchema.safeParse({ asOf: "1990-05-01" }).success).toBe(true);
  expect(issuesOf(statsParamsSchema.safeParse({ asOf: shiftDate(today, 1) }))).toEqual([
    { path: "asOf", code: "after_today" },
  ]);
  for (const asOf of ["9999-12-31", "2026-02-30"]) {
    expect(issuesOf(statsParamsSchema.safeParse({ asOf }))).toEqual([{ path: "asOf", code: "invalid_date" }]);
  }
  expect(issuesOf(statsParamsSchema.safeParse({ asOf: "0099-06-30" }))).toEqual([
    { path: "asOf", code: "invalid_date" },
  ]);
});

it("refuses a commitment's date with a year below 1900 or above 2199 (JavaScript would read 0099 as 1999)", () => {
  const base = {
    mesa: "m",
    code: "A-1",
    title: "t",
    text: "t",
    theme: "water",
    responsibleParties: [{ slug: "p", lead: true }],
  };
  expect(createCommitmentSchema.safeParse({ ...base, madeOn: "2026-01-10" }).success).toBe(true);
  for (const madeOn of ["0099-01-10", "1899-12-31", "2200-01-01"]) {
    expect(issuesOf(createCommitmentSchema.safeParse({ ...base, madeOn }))).toEqual([
      { path: "madeOn", code: "invalid_date" },
    ]);
  }
});
