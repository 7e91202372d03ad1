import "server-only";
import { requireMesaEditor, requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { STATUSES } from "../enums";
import { findMesaId } from "../queries/mesas";
import { audit } from "./audit";
import { applyCommitment, checkCommitment, type CommitmentPlan, type FirstStatus } from "./commitment-plan";
import { notFound, type FieldIssue, type IssueCode } from "./errors";
import { readTable, type SheetRow, type Table } from "./import-file";

// Importing an acta's commitments (CONTRACT §6): every row is checked exactly as one commitment
// created through the form or the API (`checkCommitment`), plus what only a file can get wrong;
// then all rows are written in one transaction with one audit row, or none is.

/** CONTRACT §6's columns, `recurrence` and `ends_on`, and `visibility` (public when left out). */
export const IMPORT_COLUMNS = [
  "code",
  "title",
  "text",
  "theme",
  "responsible_parties",
  "lead_party",
  "made_on",
  "due_on",
  "status",
  "recurrence",
  "ends_on",
  "visibility",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * Without these a row means nothing. `text` may be missing so that the open-data export, which
 * has no full text, reads back (the title stands in); without `status` every row is pending.
 */
export const REQUIRED_COLUMNS = ["code", "title", "theme", "responsible_parties", "made_on"] as const;

/** Problems only an import has, beside the field codes a single commitment can have. */
export type ImportIssueCode = IssueCode | "duplicate_in_file" | "superseded_not_importable";
export type RowIssue = { column: ImportColumn; code: ImportIssueCode };
export type PreviewRow = { row: number; code: string; title: string; issues: RowIssue[] };
export type ImportPreview = { fileName: string; missingColumns: ImportColumn[]; rows: PreviewRow[]; valid: boolean };
export type ImportResult = ImportPreview & { imported: { id: number; code: string }[] | null };
export type ImportFile = { name: string; bytes: Uint8Array };

/** The history's reason for an imported commitment's first status (public, like every reason). */
const IMPORTED_REASON = "Importado del archivo de compromisos del acta";

/** The mesa a viewer may import into: its commissioners and admins. Checked before the file is read. */
export function importTarget(viewer: Viewer, mesaSlug: string) {
  const editor = requireRole(viewer, "commissioner");
  const mesaId = typeof mesaSlug === "string" ? findMesaId(mesaSlug) : undefined;
  if (mesaId === undefined) throw notFound("Mesa");
  requireMesaEditor(editor, mesaId);
  return { viewer: editor, mesa: { id: mesaId, slug: mesaSlug } };
}

/**
 * Reads the file and checks every row; with `dryRun`, or when any row has a problem, writes
 * nothing and answers the preview. Otherwise writes every row, each with its first history entry
 * (its status in the file), and one audit row for the whole import.
 */
export async function importCommitments(
  target: ReturnType<typeof importTarget>,
  file: ImportFile,
  { dryRun }: { dryRun: boolean },
): Promise<ImportResult> {
  const table = await readTable(file.bytes);
  const fileName = file.name.slice(0, 200);
  const { viewer, mesa } = target;
  // Checked again inside the transaction that writes, so no code can be taken in between.
  return getDb().transaction((tx) => {
    const { preview, plans } = checkRows(mesa.slug, table);
    if (dryRun || !preview.valid) return { fileName, ...preview, imported: null };
    const imported = plans.map(({ plan, first }) => ({
      id: applyCommitment(tx, viewer, plan, first),
      code: plan.data.code,
    }));
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, plans.filter((p) => p.first.status === s).length]));
    audit(tx, viewer, "commitment.import", { type: "mesa", id: mesa.id }, null, {
      file: fileName,
      count: imported.length,
      byStatus,
      commitments: imported,
    });
    return { fileName, ...preview, imported };
  });
}

type Planned = { plan: CommitmentPlan; first: FirstStatus };

function checkRows(mesa: string, table: Table): { preview: Omit<ImportPreview, "fileName">; plans: Planned[] } {
  const position = new Map(table.header.map((name, i) => [name, i]));
  const missingColumns = REQUIRED_COLUMNS.filter((column) => !position.has(column));
  if (missingColumns.length) return { preview: { missingColumns, rows: [], valid: false }, plans: [] };

  const cellsOf = (row: SheetRow) => (column: ImportColumn) => row.cells[position.get(column) ?? -1] ?? "";
  const uses = new Map<string, number>();
  for (const row of table.rows) {
    const code = cellsOf(row)("code");
    uses.set(code, (uses.get(code) ?? 0) + 1);
  }

  const plans: Planned[] = [];
  const rows = table.rows.map((row): PreviewRow => {
    const cell = cellsOf(row);
    const issues: RowIssue[] = [];
    const status = statusOf(cell("status"), issues);
    // An end without a recurrence would be silently dropped.
    if (cell("ends_on") && !cell("recurrence")) issues.push({ column: "ends_on", code: "not_recurring" });
    if (cell("code") && uses.get(cell("code"))! > 1) issues.push({ column: "code", code: "duplicate_in_file" });
    const hasText = position.has("text");
    const checked = checkCommitment(commitmentInput(mesa, cell, hasText));
    for (const issue of checked.issues) {
      const column = columnOf(issue, hasText);
      if (!issues.some((i) => i.column === column && i.code === issue.code)) issues.push({ column, code: issue.code });
    }
    if (checked.plan && status && !issues.length)
      plans.push({ plan: checked.plan, first: { status, reason: IMPORTED_REASON } });
    issues.sort((a, b) => IMPORT_COLUMNS.indexOf(a.column) - IMPORT_COLUMNS.indexOf(b.column));
    return { row: row.row, code: cell("code"), title: cell("title"), issues };
  });
  const valid = rows.length > 0 && plans.length === rows.length;
  return { preview: { missingColumns, rows, valid }, plans };
}

/**
 * A row as the input of creating one commitment. An empty cell is a missing value ("required"),
 * except `due_on` (no deadline). `responsible_parties` are slugs separated by `;` (or `,`); with
 * a single party and no `lead_party`, that party leads. Dates are `YYYY-MM-DD` or day first.
 */
function commitmentInput(mesa: string, cell: (column: ImportColumn) => string, hasText: boolean) {
  const value = (column: ImportColumn) => cell(column) || undefined;
  const slugs = cell("responsible_parties")
    .split(/[;,]/)
    .map((slug) => slug.trim())
    .filter(Boolean);
  const lead = cell("lead_party") || (slugs.length === 1 ? slugs[0] : "");
  return {
    mesa,
    code: value("code"),
    title: value("title"),
    text: value(hasText ? "text" : "title"),
    theme: value("theme"),
    // A repeated slug is one party twice ("duplicate"), not a second lead.
    responsibleParties: slugs.length ? slugs.map((slug, i) => ({ slug, lead: i === slugs.indexOf(lead) })) : undefined,
    madeOn: isoDate(value("made_on")),
    dueOn: isoDate(value("due_on")) ?? null,
    visibility: value("visibility"),
    // A recurring commitment's periods start on the day it was made (CONTRACT §6 has no start column).
    recurrence: cell("recurrence") ? { every: cell("recurrence"), endsOn: isoDate(value("ends_on")) ?? null } : null,
  };
}

/**
 * `DD/MM/YYYY` (also with `-` or `.`), as a spreadsheet in a Spanish locale writes a date it has
 * recognised, → `YYYY-MM-DD`; anything else is left for the schema to judge.
 */
function isoDate(cell: string | undefined): string | undefined {
  const dayFirst = cell?.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!dayFirst) return cell;
  const [, day, month, year] = dayFirst;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The status a row starts with: empty is pending; superseded needs a replacement no file names. */
function statusOf(cell: string, issues: RowIssue[]): FirstStatus["status"] | undefined {
  if (cell === "") return "pending";
  if (cell === "superseded") issues.push({ column: "status", code: "superseded_not_importable" });
  else if ((STATUSES as readonly string[]).includes(cell)) return cell as FirstStatus["status"];
  else issues.push({ column: "status", code: "invalid_choice" });
  return undefined;
}

const COLUMN_OF_FIELD: Record<string, ImportColumn> = {
  code: "code",
  title: "title",
  text: "text",
  theme: "theme",
  madeOn: "made_on",
  dueOn: "due_on",
  visibility: "visibility",
  recurrence: "recurrence",
  "recurrence.every": "recurrence",
  "recurrence.endsOn": "ends_on",
};

/** The column a problem of the commitment's input comes from. */
function columnOf(issue: FieldIssue, hasText: boolean): ImportColumn {
  if (issue.path.startsWith("responsibleParties")) {
    return issue.code === "one_lead" ? "lead_party" : "responsible_parties";
  }
  const column = COLUMN_OF_FIELD[issue.path];
  // The mesa and the meeting are the import's own, never a cell's.
  if (!column) throw new Error(`An import row cannot have a problem at ${issue.path}`);
  return column === "text" && !hasText ? "title" : column;
}
