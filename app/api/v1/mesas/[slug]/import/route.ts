import { importIssueMessage } from "@/components/import/import-state";
import { importedSchema, importPreviewSchema, importRefusalSchema, type ImportIssue } from "@/db/api-schemas";
import { importCommitments, importTarget, type ImportResult } from "@/db/commands/import-commitments";
import { MAX_IMPORT_BYTES } from "@/db/commands/import-file";
import { getViewer } from "@/db/session";
import { receiveOneFile } from "@/db/upload-one";
import { fill } from "@/i18n/fill";
import { en } from "@/i18n/messages/en";
import { assertSameSite, documentedJson, parseQuery, respond } from "../../../respond";
import { importParamsSchema } from "./params";

/** Every problem of the file, each at `columns.{column}`, `rows` or `rows.{row}.{column}` (the spreadsheet's row number). */
function issuesOf(result: ImportResult): ImportIssue[] {
  const missing = result.missingColumns.map((column) => ({
    path: `columns.${column}`,
    message: fill(en.importPage.missingColumns, { columns: column }),
  }));
  const empty = !missing.length && !result.rows.length ? [{ path: "rows", message: en.importPage.noRows }] : [];
  return [...missing, ...empty, ...result.rows.flatMap(rowIssues)];
}

function rowIssues(row: ImportResult["rows"][number]): ImportIssue[] {
  return row.issues.map((issue) => ({
    path: `rows.${row.row}.${issue.column}`,
    message: importIssueMessage(en, issue.code),
  }));
}

function refusalOf(result: ImportResult): string {
  if (result.missingColumns.length) return `Required columns are missing: ${result.missingColumns.join(", ")}.`;
  if (!result.rows.length) return "The file has no rows.";
  const bad = result.rows.filter((row) => row.issues.length).length;
  return `${bad} of ${result.rows.length} rows have problems.`;
}

/**
 * CONTRACT §5: multipart `file` (CSV or .xlsx, CONTRACT §6's columns) into the mesa. With
 * `?dryRun=true`, 200 with every row and its problems; else 201 when every row was imported, or
 * 422 listing every problem when none was. Who may import is checked before the file is read.
 */
export function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return respond(async () => {
    const { dryRun } = parseQuery(request, importParamsSchema);
    const target = importTarget(await getViewer(), (await params).slug);
    assertSameSite(request);
    const file = await receiveOneFile(request, "file", MAX_IMPORT_BYTES);
    const result = await importCommitments(target, file, { dryRun });
    if (dryRun) {
      const rows = result.rows.map((row) => ({
        row: row.row,
        code: row.code,
        title: row.title,
        issues: rowIssues(row),
      }));
      return documentedJson(importPreviewSchema, { valid: result.valid, rows, issues: issuesOf(result) });
    }
    if (!result.imported) {
      const message = `${refusalOf(result)} Nothing was imported.`;
      return documentedJson(
        importRefusalSchema,
        { error: { code: "invalid_input", message, issues: issuesOf(result) } },
        { status: 422 },
      );
    }
    const body = { imported: result.imported.length, data: result.imported };
    return documentedJson(importedSchema, body, { status: 201 });
  });
}
