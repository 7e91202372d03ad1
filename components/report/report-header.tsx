import type { Period, PeriodProblem } from "@/db/queries/report";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";
import { PrintButton } from "./print-button";

/**
 * The report's title block: its period and date of issue, then (not printed) a GET form to
 * change the period, the print button and the PDF download of the same report.
 */
export function ReportHeader({
  title,
  action,
  requested,
  period,
  problem,
  today,
  m,
  f,
}: {
  title: string;
  /** The report's path; its PDF is `${action}/report.pdf` with the same period. */
  action: string;
  requested: { from?: string; to?: string };
  period: Period | null;
  problem: PeriodProblem | null;
  today: string;
  m: Messages;
  f: Formatter;
}) {
  const r = m.report;
  const invalid = (field: "from" | "to") =>
    problem === "badDate" ||
    (problem === "toAfterToday" && field === "to") ||
    (problem === "fromAfterTo" && field === "from")
      ? { "aria-invalid": true, "aria-describedby": "period-problem" }
      : {};
  return (
    <header className="report-header">
      <h1>{title}</h1>
      {period && (
        <p className="lead">
          {fill(r.periodLine, { from: f.date(period.from), to: f.date(period.to) })} ·{" "}
          {fill(r.generatedOn, { day: f.date(today) })}
        </p>
      )}
      <form method="get" action={action} className="filters no-print" aria-label={r.periodForm}>
        <label>
          {r.from}
          <input
            type="date"
            name="from"
            defaultValue={period?.from ?? requested.from ?? ""}
            max={today}
            {...invalid("from")}
          />
        </label>
        <label>
          {r.to}
          <input type="date" name="to" defaultValue={period?.to ?? requested.to ?? ""} max={today} {...invalid("to")} />
        </label>
        <button type="submit" className="button">
          {r.show}
        </button>
      </form>
      {problem && (
        <p id="period-problem" role="alert" className="form-error no-print">
          {r.problems[problem]}
        </p>
      )}
      {period && (
        <p className="actions no-print">
          <PrintButton label={r.print} />
          <a className="button" href={`${action}/report.pdf?${new URLSearchParams(period)}`} download>
            {r.downloadPdf}
          </a>
        </p>
      )}
    </header>
  );
}
