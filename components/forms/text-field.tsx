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
  autoComplete,
  m,
}: {
  id: string;
  name?: string;
  label: string;
  defaultValue: string;
  codes: IssueCode[] | undefined;
  help?: string;
  type?: "text" | "date" | "number" | "email" | "password";
  multiline?: boolean;
  maxLength?: number;
  autoComplete?: string;
  m: Messages;
}) {
  const props = { id, name, defaultValue, maxLength, autoComplete, ...describedBy(id, codes) };
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

/** A labelled select with its error messages; `options` are [value, label] pairs. */
export function SelectField({
  id,
  name = id,
  label,
  defaultValue,
  codes,
  options,
  m,
}: {
  id: string;
  name?: string;
  label: string;
  defaultValue: string;
  codes: IssueCode[] | undefined;
  options: [value: string, label: string][];
  m: Messages;
}) {
  return (
    <>
      <label htmlFor={id}>
        {label}
        <select id={id} name={name} defaultValue={defaultValue} {...describedBy(id, codes)}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id={id} codes={codes} m={m.errors} />
    </>
  );
}
