import { CsvError, parse } from "csv-parse/sync";
import { fileTypeFromBuffer } from "file-type";
import { readSheet, type SheetData } from "read-excel-file/node";
import { CommandError } from "./errors";

// Reading an import file (CSV or .xlsx) into a plain table of text cells, numbered as the
// spreadsheet numbers its rows. What the cells mean is ./import-commitments.ts's business.

/** An acta has tens of commitments; 1 MB of CSV holds a thousand with long texts. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 1000;

/** A data row: its number in the spreadsheet (the header is row 1) and its cells, trimmed. */
export type SheetRow = { row: number; cells: string[] };
export type Table = { header: string[]; rows: SheetRow[] };

const tooLarge = () =>
  new CommandError(413, "too_large", `The file is over ${MAX_IMPORT_BYTES} bytes or ${MAX_IMPORT_ROWS} rows.`);

const unsupported = () =>
  new CommandError(415, "unsupported_file_type", "Send a CSV file or an .xlsx workbook (not .xls, .ods or others).");

const unreadable = (why: string) =>
  new CommandError(422, "unreadable_file", `The file could not be read: ${why}`, [{ path: "file", code: "invalid" }]);

/** The file's table: an .xlsx workbook's first sheet, or CSV text in any of the encodings a spreadsheet saves. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  let records: string[][];
  if (type?.ext === "xlsx") records = await xlsxRecords(bytes);
  else if (type === undefined && !bytes.includes(0)) records = csvRecords(decodeText(bytes));
  else throw unsupported();

  const first = records.findIndex((cells) => !isBlank(cells));
  if (first === -1) return { header: [], rows: [] };
  const rows = records
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(first + 1)
    .filter((r) => !isBlank(r.cells));
  if (rows.length > MAX_IMPORT_ROWS) throw tooLarge();
  return { header: records[first].map((name) => name.toLowerCase()), rows };
}

const isBlank = (cells: string[]) => cells.every((cell) => cell === "");

/**
 * UTF-8 (a BOM or none: the decoder drops it) when the bytes are valid UTF-8, else Windows-1252,
 * what a spreadsheet in a Spanish locale saves as "CSV". Accented text in Windows-1252 is never
 * valid UTF-8, so the test cannot mistake one for the other.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 is Latin-1 but for 0x80–0x9F. NOTE: Node's TextDecoder("windows-1252") decodes it
// as Latin-1 since 20.18.3 (nodejs/node#60888), which turns “ ” – — € into control characters.
const WINDOWS_1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
}

/** The separator the header line uses most: `;` (Spanish-locale spreadsheets), `,` or a tab. */
export function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  const count = (c: string) => header.split(c).length - 1;
  return [";", "\t"].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

function csvRecords(text: string): string[][] {
  try {
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return records.map((cells) => cells.map((cell) => cell.trim()));
  } catch (error) {
    if (error instanceof CsvError) throw unreadable(error.message);
    throw error;
  }
}

async function xlsxRecords(bytes: Uint8Array): Promise<string[][]> {
  let data: SheetData;
  try {
    data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : "not a workbook");
  }
  return data.map((cells) => cells.map(cellText));
}

/**
 * A cell as text. A date cell is a day number with no time zone, which the reader gives as that
 * day's midnight UTC: its day is read in UTC, never in APP_TIMEZONE, where Lima (UTC-5) would
 * make every date the day before.
 */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
