import fc from "fast-check";
import { expect, it } from "vitest";
import { dayInZone } from "./export";

it("gives each instant's calendar day in the zone, also where the offset is not whole hours", () => {
  for (const timeZone of ["America/Lima", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe"]) {
    const dayOf = dayInZone(timeZone);
    const reference = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        (date) => {
          expect(dayOf(date.toISOString())).toBe(reference.format(date));
        },
      ),
      { numRuns: 2000 },
    );
  }
});
