import type { IssueCode } from "@/db/commands/errors";

/** What a form's Server Action answers: field errors (codes the UI translates) and the typed values. */
export type FormState = {
  status: "idle" | "error" | "saved";
  /** A form-level problem: forbidden, not found, conflict… (an i18n `errors` key). */
  formError?: "form" | "forbidden" | "notFound";
  fieldErrors: Record<string, IssueCode[]>;
  values: Record<string, string | string[]>;
};

export const IDLE: FormState = { status: "idle", fieldErrors: {}, values: {} };
