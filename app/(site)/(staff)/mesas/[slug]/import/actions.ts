"use server";

import { refresh } from "next/cache";
import type { ImportRefusal, ImportState } from "@/components/import/import-state";
import { CommandError } from "@/db/commands/errors";
import { importCommitments, importTarget, type ImportFile } from "@/db/commands/import-commitments";
import { getViewer } from "@/db/session";
import { logRefusal } from "@/app/refusal-log";

// The import page's one action: check the file (intent "preview") or import it (intent
// "import"); the command authorizes, and writes all rows or none.

const REFUSALS: Partial<Record<CommandError["status"], ImportRefusal>> = {
  401: "forbidden",
  403: "forbidden",
  404: "notFound",
  413: "tooLarge",
  415: "fileType",
  422: "unreadable",
};

export async function importAction(slug: string, _state: ImportState, formData: FormData): Promise<ImportState> {
  const file = await uploaded(formData);
  if (!file) return { status: "refused", problem: "chooseFile" };
  try {
    const target = importTarget(await getViewer(), slug);
    const result = await importCommitments(target, file, { dryRun: formData.get("intent") !== "import" });
    if (result.imported) {
      refresh();
      return { status: "imported", fileName: result.fileName, count: result.imported.length };
    }
    const { missingColumns, rows, valid } = result;
    const content = Buffer.from(file.bytes).toString("base64");
    return { status: "preview", fileName: result.fileName, content, missingColumns, rows, valid };
  } catch (error) {
    const problem = error instanceof CommandError ? REFUSALS[error.status] : undefined;
    if (!problem || !(error instanceof CommandError)) throw error;
    logRefusal(error);
    return { status: "refused", problem };
  }
}

/** The chosen file, or the one a preview sent back with its confirm button. */
async function uploaded(formData: FormData): Promise<ImportFile | null> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0)
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const content = formData.get("content");
  const name = formData.get("fileName");
  if (typeof content !== "string" || !content) return null;
  return { name: typeof name === "string" ? name : "", bytes: Buffer.from(content, "base64") };
}
