import type { ImportColumn, ImportIssueCode, PreviewRow } from "@/db/commands/import-commitments";
import type { IssueCode } from "@/db/commands/errors";
import type { Messages } from "@/i18n/messages/es";

/** Why a file was refused as a whole (an i18n `importPage.refused` key). */
export type ImportRefusal = keyof Messages["importPage"]["refused"];

/** What the import's Server Action answers. */
export type ImportState =
  | { status: "idle" }
  | { status: "refused"; problem: ImportRefusal }
  | {
      status: "preview";
      fileName: string;
      /** The file, base64, posted back by the confirm button: nothing is kept on the server between the two steps. */
      content: string;
      missingColumns: ImportColumn[];
      rows: PreviewRow[];
      valid: boolean;
    }
  | { status: "imported"; fileName: string; count: number };

export const IMPORT_IDLE: ImportState = { status: "idle" };

/** A row's problem in the reader's language: the form's message, or one only an import has. */
export function importIssueMessage(m: Pick<Messages, "errors" | "importPage">, code: ImportIssueCode): string {
  const own = m.importPage.issues;
  return code in own ? own[code as keyof typeof own] : m.errors[code as IssueCode];
}
