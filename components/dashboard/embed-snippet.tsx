"use client";

import { useState } from "react";
import type { DashboardLabels } from "./labels";

/** The iframe code a newsroom copies to show `src` (an /embed/ page) on its own site. */
export function EmbedSnippet({ src, title, labels }: { src: string; title: string; labels: DashboardLabels }) {
  const d = labels.dashboard;
  const [copied, setCopied] = useState(false);
  const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const code = `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  return (
    <details className="embed-snippet">
      <summary>{d.embedSummary}</summary>
      <p className="muted">{d.embedHelp}</p>
      <label>
        {d.embedCode}
        <textarea readOnly rows={3} value={code} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        className="button"
        onClick={() =>
          navigator.clipboard?.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {d.copy}
      </button>
      <span role="status" className="muted">
        {copied ? ` ${d.copied}` : ""}
      </span>
    </details>
  );
}
