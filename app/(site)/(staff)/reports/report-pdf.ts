import "server-only";
import PDFDocument from "pdfkit";
import type { ReportTable } from "@/components/report/report-tables";
import { fill } from "@/i18n/fill";

// The report as an A4 PDF, drawn on the server by PDFKit with its built-in Helvetica (its
// WinAnsi encoding has every Spanish letter), from the same tables the page prints.

export type PdfReport = {
  title: string;
  /** Period and date of issue. */
  subtitle: string;
  lang: string;
  /** "Page {n} of {total}". */
  pageLabel: string;
  /** Absolute base of the links in the tables. */
  origin: string;
  parts: { heading?: string; tables: ReportTable[] }[];
};

// The standard fonts encode WinAnsi only: Latin-1 and these. The arrow of "before → after" gets a
// near equivalent; any other sign beyond it becomes "?" rather than a wrong glyph.
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const NEAR: Record<string, string> = { "→": "»" };
export function toWinAnsi(text: string): string {
  return text.replace(/[^\n\x20-\x7e\xa0-\xff]/g, (c) => (WIN_ANSI_EXTRAS.includes(c) ? c : (NEAR[c] ?? "?")));
}

const A4_MARGIN = 50; // points: about 18 mm
const INK = "#1a1a1a";
const MUTED = "#555555";

export function renderReportPdf(report: PdfReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: A4_MARGIN,
    bufferPages: true,
    lang: report.lang,
    displayTitle: true,
    info: { Title: report.title, Creator: "Mesa Monitor" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text(toWinAnsi(report.title));
  doc.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(MUTED).text(toWinAnsi(report.subtitle)).fillColor(INK);
  for (const part of report.parts) {
    if (part.heading) {
      doc.addPage().font("Helvetica-Bold").fontSize(15).text(toWinAnsi(part.heading));
    }
    for (const table of part.tables) drawTable(doc, table, report.origin);
  }
  numberPages(doc, report.pageLabel);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, origin: string) {
  // A title alone at the foot of a page goes with its table to the next one.
  if (doc.y > doc.page.height - A4_MARGIN - 80) doc.addPage();
  doc.moveDown(1).font("Helvetica-Bold").fontSize(11).text(toWinAnsi(table.title), A4_MARGIN);
  doc.moveDown(0.3).font("Helvetica").fontSize(8.5);
  if (table.rows.length === 0) {
    doc.fillColor(MUTED).text(toWinAnsi(table.empty)).fillColor(INK);
    return;
  }
  const align = (j: number) => (table.head[j].numeric ? ("right" as const) : ("left" as const));
  doc.table({
    defaultStyle: { border: 0.5, borderColor: "#999999", padding: 3 },
    data: [
      table.head.map(({ label }, j) => ({
        text: toWinAnsi(label),
        type: "TH" as const,
        font: { src: "Helvetica-Bold" },
        backgroundColor: "#eeeeee",
        align: { x: align(j), y: "top" as const },
      })),
      ...table.rows.map((row) =>
        row.map((cell, j) => ({
          text: toWinAnsi(cell.text),
          align: { x: align(j), y: "top" as const },
          ...(cell.href ? { textOptions: { link: `${origin}${cell.href}` } } : {}),
        })),
      ),
    ],
  });
  if (table.note) doc.moveDown(0.3).fillColor(MUTED).text(toWinAnsi(table.note), A4_MARGIN).fillColor(INK);
}

/** "Page n of N" at the foot of every page, once the number of pages is known. */
function numberPages(doc: PDFKit.PDFDocument, label: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(MUTED)
      .text(fill(label, { n: String(i + 1), total: String(count) }), A4_MARGIN, doc.page.height - 30, {
        width: doc.page.width - 2 * A4_MARGIN,
        align: "center",
      });
    doc.page.margins.bottom = bottom;
  }
}
