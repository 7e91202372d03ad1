import type { IssueCode } from "@/db/commands/errors";
import { FieldErrors } from "@/components/forms/field";
import type { Messages } from "@/i18n/messages/es";

/** The evidence a status change may cite, as checkboxes named `evidence`, with their errors. */
export function CitedEvidence({
  id,
  evidence,
  cited,
  codes,
  m,
}: {
  /** Prefix of the error message's id: apart for each form of a page. */
  id: string;
  evidence: { id: number; label: string }[];
  /** The ids checked when the form came back with errors. */
  cited: string[];
  codes: IssueCode[];
  m: Messages;
}) {
  return (
    <>
      {evidence.length > 0 && (
        <fieldset aria-describedby={codes.length ? `${id}-error` : undefined}>
          <legend>{m.forms.citedEvidence}</legend>
          {evidence.map((e) => (
            <label key={e.id} className="choice-row">
              <input type="checkbox" name="evidence" value={e.id} defaultChecked={cited.includes(String(e.id))} />
              {e.label}
            </label>
          ))}
        </fieldset>
      )}
      <FieldErrors id={id} codes={codes} m={m.errors} />
    </>
  );
}
