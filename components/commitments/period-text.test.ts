import { describe, expect, it } from "vitest";
import { formatterFor } from "@/i18n/format";
import { en } from "@/i18n/messages/en";
import { es } from "@/i18n/messages/es";
import { periodOption, recurrenceText } from "./period-text";

const esF = formatterFor("es", "America/Lima");
const enF = formatterFor("en", "America/Lima");

describe("how a recurrence reads", () => {
  it("says how often, from when, and until when or that it has no end", () => {
    const yearly = { every: "yearly", startsOn: "2023-01-01", endsOn: null } as const;
    expect(recurrenceText(yearly, es.periods, esF)).toBe("Anual desde el 1 ene. 2023, sin fecha de fin");
    expect(recurrenceText(yearly, en.periods, enF)).toBe("Yearly from 1 Jan 2023, no end date");
    const monthly = { every: "monthly", startsOn: "2024-03-31", endsOn: "2026-12-31" } as const;
    expect(recurrenceText(monthly, es.periods, esF)).toBe("Mensual desde el 31 mar. 2024 hasta el 31 dic. 2026");
    expect(recurrenceText({ ...monthly, every: "quarterly" }, en.periods, enF)).toBe(
      "Quarterly from 31 Mar 2024 until 31 Dec 2026",
    );
  });

  it("names a period by its number, first day and due date", () => {
    const period = { n: 2, startsOn: "2024-01-01", dueOn: "2024-12-31", status: "pending", overdue: true } as const;
    expect(periodOption(period, es.periods, esF)).toBe("Periodo 2: desde el 1 ene. 2024, vence el 31 dic. 2024");
    expect(periodOption(period, en.periods, enF)).toBe("Period 2: from 1 Jan 2024, due 31 Dec 2024");
  });
});
