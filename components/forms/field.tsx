import type { IssueCode } from "@/db/commands/errors";
import type { Messages } from "@/i18n/messages/es";

/** The error messages of one field, linked to its input by id for assistive technology. */
export function FieldErrors({ id, codes, m }: { id: string; codes: IssueCode[] | undefined; m: Messages["errors"] }) {
  if (!codes?.length) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {codes.map((code) => m[code]).join(" ")}
    </p>
  );
}

/** Props that tie an input to its error message. */
export function describedBy(id: string, codes: IssueCode[] | undefined) {
  return codes?.length ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}
