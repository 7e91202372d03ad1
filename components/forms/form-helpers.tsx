import type { IssueCode } from "@/db/commands/errors";
import type { FormState } from "@/components/forms/form-state";
import type { Messages } from "@/i18n/messages/es";

// Small pieces the editing forms share: reading back what was typed, and the form's messages.

type Value = string | string[] | undefined;
export const asText = (v: Value) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
export const asList = (v: Value) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The codes of every issue at a path or below it (`sourceLinks` gathers `sourceLinks.2`). */
export function errorsUnder(errors: FormState["fieldErrors"], prefix: string): IssueCode[] {
  const codes = Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .flatMap(([, list]) => list);
  return [...new Set(codes)];
}

/** What was typed when the form came back with errors; `undefined` otherwise (use the saved values). */
export function typedValues(state: FormState) {
  return state.status === "error" ? state.values : undefined;
}

/** The form-level answer: saved, or why nothing was saved. */
export function FormStatus({ state, saved, m }: { state: FormState; saved?: string; m: Messages }) {
  if (state.status === "saved" && saved) {
    return (
      <p role="status" className="form-ok">
        {saved}
      </p>
    );
  }
  if (!state.formError) return null;
  return (
    <p role="alert" className="form-error">
      {m.errors[state.formError]}
    </p>
  );
}
