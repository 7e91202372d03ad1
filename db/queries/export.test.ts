import fc from "fast-check";
import { expect, it } from "vitest";
import { dayInZone } from "./export";

it("gives each instant's calendar day in the zone, also where the offset is not whole hours", () => {
  for (const timeZone of ["America/Lima", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe"]) {
    const reference = new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" });
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        (start) => {
          // Instants close together, over more than two days: every midnight is crossed near it.
          const dayOf = dayInZone(timeZone);
          for (let i = 0; i < 500; i++) {
            const date = new Date(start.getTime() + i * 7 * 60_000);
            expect(dayOf(date.toISOString())).toBe(reference.format(date));
          }
        },
      ),
      { numRuns: 20 },
    );
  }
});
