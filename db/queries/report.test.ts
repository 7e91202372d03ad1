import { beforeAll, describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { allReportTables } from "@/components/report/report-tables";
import { renderReportPdf, toWinAnsi } from "@/app/(site)/(staff)/reports/report-pdf";
import { formatterFor } from "@/i18n/format";
import { es } from "@/i18n/messages/es";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { CHANGE_KINDS, type ChangeKind, type Status } from "../enums";
import { endOfDayInstant, isOverdue, shiftDate, statusAt, todayIn } from "../rules";
import { eq } from "drizzle-orm";
import { evidence, meetings, mesas } from "../schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { loadDemo } from "../seed/demo";
import { rawRows, visibleTo, type Raw } from "../testing/raw-rows";
import { getStats } from "./stats";
import { combinedReport, mesaReport, resolvePeriod, type Period } from "./report";

const TZ = "America/Lima";
const today = todayIn(TZ);
let rows: Raw[];
let mesaList: { id: number; slug: string; name: string }[];
const admin: Viewer = { userId: 1, name: "Admin", role: "admin", mesaIds: [] };
const commissionerOf = (...mesaIds: number[]): Viewer => ({ userId: 2, name: "C", role: "commissioner", mesaIds });

beforeAll(async () => {
  await loadDemo(getDb(), today);
  rows = rawRows();
  mesaList = getDb().select({ id: mesas.id, slug: mesas.slug, name: mesas.name }).from(mesas).all();
});

/** A commitment's status at the end of a day from its history; null if not made by then. */
function statusOn(c: Raw, day: string): Status | null {
  if (c.madeOn > day) return null;
  return statusAt(c.history, endOfDayInstant(day, TZ));
}

/** The report's figures recounted from the raw rows of one mesa. */
function expected(viewer: Viewer, mesaId: number, { from, to }: Period) {
  const mine = rows.filter((c) => c.mesaId === mesaId && visibleTo(viewer, c));
  const at = (c: Raw, day: string) => statusOn(c, day);
  const overdueOn = (c: Raw, day: string) => {
    const status = at(c, day);
    return status !== null && isOverdue({ status, dueOn: c.dueOn }, day);
  };
  const made = mine.filter((c) => at(c, to) !== null);
  const newly: Record<ChangeKind, number> = {
    fulfilled: made.filter((c) => at(c, to) === "fulfilled" && at(c, from) !== "fulfilled").length,
    broken: made.filter((c) => at(c, to) === "broken" && at(c, from) !== "broken").length,
    overdue: made.filter(
      (c) => !["fulfilled", "broken"].includes(at(c, to)!) && overdueOn(c, to) && !overdueOn(c, from),
    ).length,
  };
  const start = endOfDayInstant(shiftDate(from, -1), TZ).toISOString();
  const end = endOfDayInstant(to, TZ).toISOString();
  return {
    total: made.length,
    fulfilled: made.filter((c) => at(c, to) === "fulfilled").length,
    overdueIds: made
      .filter((c) => overdueOn(c, to))
      .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.id - b.id)
      .map((c) => c.id),
    newly,
    evidenceIds: mine
      .flatMap((c) => c.evidence)
      .filter((e) => e.reviewState === "accepted" && e.reviewedAt! >= start && e.reviewedAt! < end)
      .map((e) => e.id)
      .sort((a, b) => a - b),
  };
}

describe("the period of a report", () => {
  it("defaults to the 90 days up to today", () => {
    expect(resolvePeriod({}, today)).toEqual({ period: { from: shiftDate(today, -90), to: today }, problem: null });
    expect(resolvePeriod({ to: "2026-06-30" }, today).period).toEqual({ from: "2026-04-01", to: "2026-06-30" });
  });

  it("refuses impossible dates, an end after today and a start after the end", () => {
    expect(resolvePeriod({ from: "2026-02-30" }, today).problem).toBe("badDate");
    expect(resolvePeriod({ to: "mañana" }, today).problem).toBe("badDate");
    expect(resolvePeriod({ to: shiftDate(today, 1) }, today).problem).toBe("toAfterToday");
    expect(resolvePeriod({ from: "2026-03-02", to: "2026-03-01" }, today).problem).toBe("fromAfterTo");
  });
});

describe("a mesa's report", () => {
  const periods = () => [
    { from: shiftDate(today, -90), to: today },
    { from: shiftDate(today, -400), to: shiftDate(today, -120) },
  ];

  it("counts, what changed, the overdue list and accepted evidence match a recount from the raw rows", async () => {
    let seen = 0;
    for (const mesa of mesaList) {
      for (const viewer of [admin, commissionerOf(mesa.id)]) {
        for (const period of periods()) {
          const report = (await mesaReport(viewer, mesa.slug, period))!;
          const want = expected(viewer, mesa.id, period);
          expect(report.stats.total).toBe(want.total);
          expect(report.stats.counts.fulfilled).toBe(want.fulfilled);
          expect(report.overdue.map((c) => c.id)).toEqual(want.overdueIds);
          expect(report.stats.overdue).toBe(want.overdueIds.length);
          for (const kind of CHANGE_KINDS) expect(report.changes.newly[kind].total).toBe(want.newly[kind]);
          expect(report.acceptedEvidence.map((e) => e.id).sort((a, b) => a - b)).toEqual(want.evidenceIds);
          seen += want.overdueIds.length + want.evidenceIds.length + Object.values(want.newly).reduce((a, b) => a + b);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("names each overdue commitment's responsible parties, the lead first", async () => {
    const mesa = mesaList[0];
    const report = (await mesaReport(admin, mesa.slug, periods()[0]))!;
    expect(report.overdue.length).toBeGreaterThan(0);
    for (const c of report.overdue) {
      const raw = rows.find((r) => r.id === c.id)!;
      expect(c.parties.length).toBe(raw.partyIds.length);
      expect(c.parties[0].lead).toBe(true);
    }
  });

  it("takes evidence accepted from the first minute of the period's first day to the last of its last, in Lima", async () => {
    const mesa = makeMesa();
    const party = makeParty();
    const commitment = makeCommitment({ mesaId: mesa.id, partyIds: [party.id] });
    const user = makeUser();
    const acceptedAt = (instant: string) =>
      getDb()
        .update(evidence)
        .set({ reviewedAt: instant })
        .where(eq(evidence.id, makeEvidence(commitment.id, user.id, "accepted").id))
        .returning()
        .get().id;
    // Lima is UTC−5 all year.
    const before = acceptedAt("2026-03-01T04:59:59.000Z");
    const first = acceptedAt("2026-03-01T05:00:00.000Z");
    const last = acceptedAt("2026-03-31T04:59:59.000Z");
    const after = acceptedAt("2026-03-31T05:00:00.000Z");
    const report = (await mesaReport(admin, mesa.slug, { from: "2026-03-01", to: "2026-03-30" }))!;
    const ids = report.acceptedEvidence.map((e) => e.id);
    expect(ids).toEqual([first, last]);
    expect(ids).not.toContain(before);
    expect(ids).not.toContain(after);
  });

  it("lists only the meetings held within the period", async () => {
    const all = getDb().select().from(meetings).all();
    for (const mesa of mesaList) {
      const period = { from: shiftDate(today, -400), to: shiftDate(today, -100) };
      const report = (await mesaReport(admin, mesa.slug, period))!;
      const want = all
        .filter((m) => m.mesaId === mesa.id && m.heldOn >= period.from && m.heldOn <= period.to)
        .map((m) => m.number)
        .sort((a, b) => a - b);
      expect(report.meetings.map((m) => m.number)).toEqual(want);
    }
  });

  it("is for the mesa's commissioners and admins only", async () => {
    const [mesa, other] = mesaList;
    const period = periods()[0];
    await expect(mesaReport(null, mesa.slug, period)).rejects.toMatchObject({ status: 401 });
    await expect(
      mesaReport({ userId: 3, name: "M", role: "monitor", mesaIds: [mesa.id] }, mesa.slug, period),
    ).rejects.toMatchObject({ status: 403 });
    await expect(mesaReport(commissionerOf(other.id), mesa.slug, period)).rejects.toMatchObject({ status: 403 });
    expect(await mesaReport(admin, "no-such-mesa", period)).toBeNull();
  });
});

describe("the report of all a viewer's mesas", () => {
  it("for an admin, adds up to the overview's figures for the same day", async () => {
    const period = { from: shiftDate(today, -200), to: shiftDate(today, -30) };
    const report = await combinedReport(admin, period);
    const overview = await getStats(admin, { asOf: period.to });
    const everyMesa = getDb().select({ slug: mesas.slug }).from(mesas).all();
    expect(report.reports.map((r) => r.mesa.slug).sort()).toEqual(everyMesa.map((m) => m.slug).sort());
    expect(report.totals.counts).toEqual(overview.counts);
    expect(report.totals.overdue).toBe(overview.overdue);
    expect(report.totals.complianceRate).toBe(overview.complianceRate);
    expect(report.totals.quality).toEqual(overview.quality);
  });

  it("for a commissioner, covers their mesas only", async () => {
    const [first, , third] = mesaList;
    const report = await combinedReport(commissionerOf(first.id, third.id), { from: shiftDate(today, -90), to: today });
    expect(report.reports.map((r) => r.mesa.slug).sort()).toEqual([first.slug, third.slug].sort());
  });
});

describe("the PDF", () => {
  it("keeps every Spanish letter and sign of its standard fonts, and never draws a wrong glyph", () => {
    expect(toWinAnsi("Compañía Minera «Huancané» – 5 € … ¿Sí?")).toBe("Compañía Minera «Huancané» – 5 € … ¿Sí?");
    expect(toWinAnsi("En proceso → Cumplido")).toBe("En proceso » Cumplido");
    expect(toWinAnsi("Ayllu 漢 ✓")).toBe("Ayllu ? ?");
  });

  it("is an A4 document with the report's sections, accents intact and numbered pages", async () => {
    const mesa = mesaList[0];
    const report = (await mesaReport(admin, mesa.slug, { from: shiftDate(today, -365), to: today }))!;
    const f = formatterFor("es", TZ);
    const pdf = await renderReportPdf({
      title: `Informe de seguimiento: ${report.mesa.name}`,
      subtitle: "Periodo",
      lang: "es-PE",
      pageLabel: es.report.page,
      origin: "http://localhost",
      parts: [{ tables: allReportTables(report, es, f) }],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text, total } = await parser.getText();
    const info = await parser.getInfo();
    await parser.destroy();
    expect(info.info?.Title).toBe(`Informe de seguimiento: ${report.mesa.name}`);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(report.mesa.name);
    expect(flat).toContain("Días de atraso");
    expect(flat).toContain("Calidad de los acuerdos");
    expect(flat).toContain(report.overdue[0].code);
    expect(flat).toContain(`Página ${total} de ${total}`);
  });
});
