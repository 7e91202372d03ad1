"use client";

import type { ChangeEvent } from "react";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

/**
 * The evidence form's files: "take photo" (the camera opens directly on phones) and "choose
 * files", the list of what is attached, and each file's error tied to its "remove" button.
 */
export function FilesField({
  files,
  errorFor,
  hasListError,
  onAdd,
  onRemove,
  t,
}: {
  files: File[];
  errorFor: (path: string) => string | undefined;
  hasListError: boolean;
  onAdd: (event: ChangeEvent<HTMLInputElement>) => void;
  onRemove: (index: number) => void;
  t: Messages["monitor"];
}) {
  const filesDescription = hasListError ? "ev-files-help ev-files-error" : "ev-files-help";
  return (
    <fieldset aria-describedby={filesDescription}>
      <legend>{t.files}</legend>
      <span id="ev-files-help" className="help">
        {t.filesHelp}
      </span>
      <div className="file-buttons">
        {/* `capture` opens the camera directly on phones; the other input picks existing files. */}
        <label className="button file-button">
          {t.takePhoto}
          <input
            id="ev-files"
            type="file"
            accept="image/*"
            capture="environment"
            aria-describedby={filesDescription}
            onChange={onAdd}
          />
        </label>
        <label className="button file-button">
          {t.chooseFiles}
          <input
            type="file"
            multiple
            accept="image/*,application/pdf,audio/*"
            aria-describedby={filesDescription}
            onChange={onAdd}
          />
        </label>
      </div>
      {files.length === 0 ? (
        <p className="muted">{t.noFiles}</p>
      ) : (
        <ul className="file-list">
          {files.map((file, i) => {
            const error = errorFor(`files.${i}`);
            return (
              <li key={`${i}-${file.name}-${file.size}`}>
                <span>
                  {file.name} <span className="muted">({megabytes(file.size)} MB)</span>
                </span>
                <button
                  type="button"
                  id={`ev-file-${i}-remove`}
                  className="link-button"
                  aria-describedby={error ? `ev-file-${i}-error` : undefined}
                  onClick={() => onRemove(i)}
                >
                  {fill(t.removeFile, { name: file.name })}
                </button>
                {error && (
                  <span id={`ev-file-${i}-error`} className="field-error">
                    {error}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {hasListError && (
        <p id="ev-files-error" className="field-error">
          {errorFor("files")}
        </p>
      )}
    </fieldset>
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1);
}
