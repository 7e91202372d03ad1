import { CHANGE_KINDS, QUALITY_FILTERS, type ChangeKind } from "@/db/enums";
import type { CombinedReport, MesaReport } from "@/db/queries/report";
import type { Stats } from "@/db/queries/stats";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

// A report's tables as plain data, formatted for the reader: the printed page and the PDF draw
// the same rows, so the download cannot say something the page does not.

export type ReportCell = { text: string; href?: string };
export type ReportTable = {
  title: string;
  head: { label: string; numeric?: boolean }[];
  rows: ReportCell[][];
  /** Shown instead of an empty table. */
  empty: string;
  /** A note under the table, e.g. how many of how many are listed. */
  note?: string;
};

const cell = (text: string, href?: string): ReportCell => (href ? { text, href } : { text });
const commitmentHref = (id: number) => `/commitments/${id}`;

/** The sections both the page and the PDF list as tables. */
export function reportTables(report: MesaReport, m: Messages, f: Formatter) {
  const r = m.report;
  const { stats } = report;
  const overdueTitle = fill(r.overdueHeading, { day: f.date(stats.day) });
  return {
    byParty: {
      title: r.byParty,
      head: [
        { label: m.common.party },
        { label: m.common.total, numeric: true },
        { label: m.status.fulfilled, numeric: true },
        { label: r.broken, numeric: true },
        { label: m.overdue, numeric: true },
        { label: m.common.complianceRate, numeric: true },
      ],
      rows: stats.byParty.map((p) => [
        cell(p.name),
        cell(f.number(Object.values(p.counts).reduce((a, b) => a + b, 0))),
        cell(f.number(p.counts.fulfilled)),
        cell(f.number(p.broken)),
        cell(f.number(p.overdue)),
        cell(f.rate(p.complianceRate, m.common.noRate)),
      ]),
      empty: m.common.none,
    },
    overdue: {
      title: overdueTitle,
      head: [
        { label: m.table.code },
        { label: m.table.title },
        { label: m.table.parties },
        { label: r.dueOn },
        { label: r.daysOverdue, numeric: true },
      ],
      rows: report.overdue.map((c) => [
        cell(c.code),
        cell(c.title, commitmentHref(c.id)),
        cell(c.parties.map((p) => (p.lead ? `${p.name} (${m.common.lead})` : p.name)).join(", ")),
        cell(f.date(c.dueOn)),
        cell(f.number(c.daysOverdue)),
      ]),
      empty: r.noOverdue,
      note:
        report.overdue.length < stats.overdue
          ? fill(r.listed, { shown: f.number(report.overdue.length), total: f.number(stats.overdue) })
          : undefined,
    },
    evidence: {
      title: r.evidenceHeading,
      head: [{ label: r.acceptedOn }, { label: m.table.title }, { label: r.kind }, { label: r.summary }],
      rows: report.acceptedEvidence.map((e) => [
        cell(f.instant(e.acceptedAt)),
        cell(`${e.commitment.code} · ${e.commitment.title}`, commitmentHref(e.commitment.id)),
        cell(m.evidenceKind[e.kind]),
        cell(e.summary),
      ]),
      empty: r.noEvidence,
    },
    meetings: {
      title: r.meetingsHeading,
      head: [
        { label: r.meeting },
        { label: r.heldOn },
        { label: r.place },
        { label: r.attendees },
        { label: r.summary },
      ],
      rows: report.meetings.map((meeting) => [
        cell(String(meeting.number)),
        cell(f.date(meeting.heldOn)),
        cell(meeting.place ?? ""),
        cell(meeting.attendees.map((a) => a.name).join(", ")),
        cell(meeting.summary),
      ]),
      empty: r.noMeetings,
    },
  } satisfies Record<string, ReportTable>;
}

/** Every section of a mesa's report as a table, in the page's order: what the PDF draws. */
export function allReportTables(report: MesaReport, m: Messages, f: Formatter): ReportTable[] {
  const { headline, changes, quality } = figureTables(report, m, f);
  const { byParty, overdue, evidence, meetings } = reportTables(report, m, f);
  return [headline, ...changes, byParty, overdue, evidence, meetings, quality];
}

/** The figures the page shows with the dashboard's own components (totals, what changed, quality). */
function figureTables(report: MesaReport, m: Messages, f: Formatter) {
  const r = m.report;
  const d = m.dashboard;
  const { stats, changes } = report;
  const statusRows = (["pending", "in_progress", "partial", "fulfilled", "broken", "superseded"] as const).map((s) => [
    cell(m.status[s]),
    cell(f.number(stats.counts[s])),
  ]);
  const changeTitle: Record<ChangeKind, string> = {
    fulfilled: d.newlyFulfilled,
    broken: d.newlyBroken,
    overdue: d.newlyOverdue,
  };
  const share = (n: number) => fill(m.quality.share, { n: f.number(n), total: f.number(stats.quality.total) });
  return {
    headline: {
      title: fill(r.headline, { day: f.date(stats.day) }),
      head: [{ label: m.table.status }, { label: m.common.commitments, numeric: true }],
      rows: [
        ...statusRows,
        [cell(m.overdue), cell(f.number(stats.overdue))],
        [cell(m.common.complianceRate), cell(f.rate(stats.complianceRate, m.common.noRate))],
      ],
      empty: m.common.none,
    },
    changes: CHANGE_KINDS.map((kind): ReportTable => {
      const { total, items } = changes.newly[kind];
      return {
        title: `${changeTitle[kind]} (${f.number(total)}) · ${fill(d.changesHeading, { from: f.date(changes.from), to: f.date(changes.to) })}`,
        head: [{ label: m.table.code }, { label: m.table.title }, { label: m.table.status }],
        rows: items.map((item) => [
          cell(item.code),
          cell(item.title, commitmentHref(item.id)),
          cell(
            fill(d.beforeAfter, {
              before: item.before ? m.status[item.before] : d.notMadeYet,
              after: m.status[item.after],
            }),
          ),
        ]),
        empty: d.noChange,
        note:
          total > items.length ? fill(d.more, { shown: f.number(items.length), total: f.number(total) }) : undefined,
      };
    }),
    quality: {
      title: m.quality.heading,
      head: [{ label: m.quality.heading }, { label: m.common.commitments, numeric: true }],
      rows: [
        ...QUALITY_FILTERS.map((fact) => [cell(m.quality[fact]), cell(share(stats.quality[fact]))]),
        [cell(m.quality.followUpBody), cell(stats.byMesa[0]?.followUpBody ?? m.quality.noFollowUpBody)],
      ],
      empty: m.common.none,
    },
  } satisfies Record<string, ReportTable | ReportTable[]>;
}

/** The combined report's first table: each mesa's headline figures and changes, then their sum. */
export function summaryTable(report: CombinedReport, m: Messages, f: Formatter): ReportTable {
  const r = m.report;
  const row = (
    name: string,
    figures: { counts: Stats["counts"]; total: number; overdue: number; complianceRate: number | null },
    newly: Record<ChangeKind, number>,
  ) => [
    cell(name),
    cell(f.number(figures.total)),
    cell(f.number(figures.counts.fulfilled)),
    cell(f.number(figures.counts.broken)),
    cell(f.number(figures.overdue)),
    cell(f.rate(figures.complianceRate, m.common.noRate)),
    ...CHANGE_KINDS.map((kind) => cell(f.number(newly[kind]))),
  ];
  const newlyOf = (mesa: MesaReport) =>
    Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, mesa.changes.newly[kind].total])) as Record<
      ChangeKind,
      number
    >;
  return {
    title: r.summaryHeading,
    head: [
      { label: m.common.mesa },
      { label: m.common.total, numeric: true },
      { label: m.status.fulfilled, numeric: true },
      { label: m.status.broken, numeric: true },
      { label: m.overdue, numeric: true },
      { label: m.common.complianceRate, numeric: true },
      { label: r.newlyFulfilled, numeric: true },
      { label: r.newlyBroken, numeric: true },
      { label: r.newlyOverdue, numeric: true },
    ],
    rows: [
      ...report.reports.map((mesa) => row(mesa.mesa.name, mesa.stats, newlyOf(mesa))),
      row(r.totalRow, report.totals, report.totals.newly),
    ],
    empty: r.noMesas,
  };
}
