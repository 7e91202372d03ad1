import type { IssueCode } from "@/db/commands/errors";
import { describedBy, FieldErrors } from "@/components/forms/field";
import type { Messages } from "@/i18n/messages/es";

/** A labelled text input (or textarea) with its help and its error messages. */
export function TextField({
  id,
  name = id,
  label,
  defaultValue,
  codes,
  help,
  type = "text",
  multiline = false,
  maxLength,
  m,
}: {
  id: string;
  name?: string;
  label: string;
  defaultValue: string;
  codes: IssueCode[] | undefined;
  help?: string;
  type?: "text" | "date" | "number";
  multiline?: boolean;
  maxLength?: number;
  m: Messages;
}) {
  const props = { id, name, defaultValue, maxLength, ...describedBy(id, codes) };
  return (
    <>
      <label htmlFor={id}>
        {label}
        {multiline ? (
          <textarea {...props} />
        ) : (
          <input {...props} type={type} {...(type === "number" ? { min: 1, inputMode: "numeric" as const } : {})} />
        )}
        {help && <span className="help">{help}</span>}
      </label>
      <FieldErrors id={id} codes={codes} m={m.errors} />
    </>
  );
}
