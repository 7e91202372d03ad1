"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import type { PreviewRow } from "@/db/commands/import-commitments";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { IMPORT_IDLE, importIssueMessage, type ImportState } from "./import-state";

type ImportMessages = Pick<Messages, "errors" | "importPage">;

/**
 * Choose a file → every row with its problems → import all rows (only when none has a problem).
 * The preview carries the file back in its confirm form, so both steps also work without script.
 */
export function ImportForm({
  action,
  mesa,
  m,
}: {
  action: (state: ImportState, formData: FormData) => Promise<ImportState>;
  mesa: { slug: string; name: string };
  m: ImportMessages;
}) {
  const [state, formAction, pending] = useActionState(action, IMPORT_IDLE);
  const p = m.importPage;

  return (
    <>
      <form action={formAction} className="stack">
        <label htmlFor="import-file">
          {p.file}
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </label>
        <input type="hidden" name="intent" value="preview" />
        <p>
          <button type="submit" className="button" disabled={pending}>
            {pending ? p.previewing : p.preview}
          </button>
        </p>
      </form>

      {state.status === "refused" && (
        <p role="alert" className="form-error">
          {p.refused[state.problem]}
        </p>
      )}
      {state.status === "imported" && (
        <p role="status" className="form-ok">
          {fill(p.imported, { count: state.count, file: state.fileName })}{" "}
          <Link href={`/mesas/${mesa.slug}`}>{p.viewMesa}</Link>
        </p>
      )}
      {state.status === "preview" && (
        <Preview state={state} m={m}>
          {state.valid && (
            <form action={formAction}>
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="fileName" value={state.fileName} />
              <input type="hidden" name="content" value={state.content} />
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? p.importing : fill(p.confirm, { count: state.rows.length })}
              </button>
            </form>
          )}
        </Preview>
      )}
    </>
  );
}

function Preview({
  state,
  m,
  children,
}: {
  state: Extract<ImportState, { status: "preview" }>;
  m: ImportMessages;
  children: ReactNode;
}) {
  const p = m.importPage;
  const bad = state.rows.filter((row) => row.issues.length).length;
  const summary = state.missingColumns.length
    ? fill(p.missingColumns, { columns: state.missingColumns.join(", ") })
    : state.rows.length === 0
      ? p.noRows
      : fill(bad ? p.someInvalid : p.allValid, { file: state.fileName, bad, count: state.rows.length });
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">{p.previewTitle}</h2>
      {/* An alert when nothing can be imported, so that a screen reader hears why at once. */}
      <p role={state.valid ? "status" : "alert"} className={state.valid ? "form-ok" : "form-error"}>
        {summary}
      </p>
      {children}
      {state.rows.length > 0 && <PreviewTable rows={state.rows} m={m} />}
    </section>
  );
}

function PreviewTable({ rows, m }: { rows: PreviewRow[]; m: ImportMessages }) {
  const p = m.importPage;
  const caption = fill(p.caption, { count: rows.length });
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.row}</th>
            <th scope="col">{p.code}</th>
            <th scope="col">{p.commitmentTitle}</th>
            <th scope="col">{p.problems}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} data-testid="import-row">
              <th scope="row">{row.row}</th>
              <td>{row.code}</td>
              <td>{row.title}</td>
              <td>
                {row.issues.length === 0 ? (
                  p.noProblems
                ) : (
                  <ul className="field-error import-problems">
                    {row.issues.map((issue) => (
                      <li key={`${issue.column}-${issue.code}`}>
                        <code>{issue.column}</code>: {importIssueMessage(m, issue.code)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
