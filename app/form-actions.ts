import "server-only";
import { CommandError, type IssueCode } from "@/db/commands/errors";
import type { FormState } from "@/components/forms/form-state";
import { logRefusal } from "@/app/refusal-log";

/** FormData as plain values, multi-valued fields as arrays, so a failed form can be refilled. */
export function formValues(formData: FormData): FormState["values"] {
  const values: FormState["values"] = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** Turns a refused command into form state; anything else is a real error and is rethrown. */
export function formFailure(error: unknown, values: FormState["values"]): FormState {
  if (!(error instanceof CommandError)) throw error;
  logRefusal(error);
  const fieldErrors: Record<string, IssueCode[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path] ??= []).push(issue.code);
  const formError =
    error.status === 403 || error.status === 401 ? "forbidden" : error.status === 404 ? "notFound" : "form";
  return { status: "error", formError, fieldErrors, values };
}
