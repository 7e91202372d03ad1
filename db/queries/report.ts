import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { requireMesaEditor, visibleCommitments, type Viewer } from "../access";
import { CHANGE_KINDS, type ChangeKind, type EvidenceKind } from "../enums";
import { complianceRate, endOfDayInstant, shiftDate, sumTallies } from "../rules";
import { commitments, evidence, mesas } from "../schema";
import type { Changes } from "./changes";
import { loadDashboard } from "./dashboard";
import { isoDateSchema } from "./filters";
import { responsiblePartiesOf, type ResponsibleParty } from "./commitments";
import { getMesaProfile, type MeetingSummary } from "./mesas";
import { oldestOverdue, type OverdueCommitment } from "./overdue";
import { referenceDay } from "./aggregates";
import { sumQuality } from "./quality";
import type { Quality, Stats } from "./stats";

// The ministerial report of a period: a mesa's figures at the end of the period and what happened
// in it. Its figures are the dashboard's for the same view (`asOf` = the period's last day,
// `since` = its first), taken from the same loader, so the two cannot disagree.

export type Period = { from: string; to: string };

/** A period from the query string: both days optional (the last 90 days up to today). */
export function resolvePeriod(
  raw: { from?: string; to?: string },
  today = referenceDay(),
): { period: Period; problem: null } | { period: null; problem: PeriodProblem } {
  const isDay = (v: string | undefined) => !v || isoDateSchema.safeParse(v).success;
  if (!isDay(raw.from) || !isDay(raw.to)) return { period: null, problem: "badDate" };
  const to = raw.to || today;
  const from = raw.from || shiftDate(to, -90);
  if (to > today) return { period: null, problem: "toAfterToday" };
  if (from > to) return { period: null, problem: "fromAfterTo" };
  return { period: { from, to }, problem: null };
}
export type PeriodProblem = "badDate" | "toAfterToday" | "fromAfterTo";

export type ReportOverdue = OverdueCommitment & { parties: ResponsibleParty[] };
export type AcceptedEvidence = {
  id: number;
  kind: EvidenceKind;
  summary: string;
  observedOn: string;
  acceptedAt: string;
  commitment: { id: number; code: string; title: string };
};

export type MesaReport = {
  mesa: { slug: string; name: string; region: string };
  period: Period;
  stats: Stats;
  changes: Changes;
  overdue: ReportOverdue[];
  acceptedEvidence: AcceptedEvidence[];
  meetings: MeetingSummary[];
};

/** More than this many overdue commitments are counted, not listed. */
export const REPORT_OVERDUE_LIMIT = 500;

/** A mesa's report for a period, for its commissioners and admins; null for an unknown slug. */
export async function mesaReport(viewer: Viewer, slug: string, period: Period): Promise<MesaReport | null> {
  const profile = getMesaProfile(slug);
  if (!profile) return null;
  requireMesaEditor(viewer, profile.id);
  const today = referenceDay();
  // The dashboard's view of the same period; today's figures come from the live table, as there.
  const asOf = period.to === today ? undefined : period.to;
  const { stats, changes } = await loadDashboard(viewer, { mesa: slug, asOf, since: period.from });
  const overdue = oldestOverdue(viewer, { mesaId: profile.id, asOf }, REPORT_OVERDUE_LIMIT);
  const partiesOf = responsiblePartiesOf(
    viewer,
    overdue.map((c) => c.id),
  );
  return {
    mesa: { slug: profile.slug, name: profile.name, region: profile.region },
    period,
    stats,
    changes: changes!,
    overdue: overdue.map((c) => ({ ...c, parties: partiesOf.get(c.id) ?? [] })),
    acceptedEvidence: acceptedEvidenceIn(viewer, profile.id, period),
    meetings: profile.meetings.filter((m) => m.heldOn >= period.from && m.heldOn <= period.to),
  };
}

/** The mesas whose reports the viewer may read: a commissioner's own, every mesa for admins. */
export function reportMesas(viewer: Viewer): { slug: string; name: string }[] {
  if (viewer?.role !== "admin" && viewer?.role !== "commissioner") return [];
  const all = getDb().select({ id: mesas.id, slug: mesas.slug, name: mesas.name }).from(mesas).orderBy(asc(mesas.name));
  return all
    .all()
    .filter((m) => viewer.role === "admin" || viewer.mesaIds.includes(m.id))
    .map(({ slug, name }) => ({ slug, name }));
}

export type CombinedReport = {
  period: Period;
  reports: MesaReport[];
  /** The mesas' headline figures added up (each commitment belongs to one mesa). */
  totals: {
    counts: Stats["counts"];
    overdue: number;
    total: number;
    complianceRate: number | null;
    newly: Record<ChangeKind, number>;
    quality: Quality;
  };
};

/** Every mesa report of the viewer for one period, with their totals. */
export async function combinedReport(viewer: Viewer, period: Period): Promise<CombinedReport> {
  const reports: MesaReport[] = [];
  for (const { slug } of reportMesas(viewer)) reports.push((await mesaReport(viewer, slug, period))!);
  const tally = sumTallies(reports.map((r) => r.stats));
  return {
    period,
    reports,
    totals: {
      ...tally,
      complianceRate: complianceRate(tally),
      newly: Object.fromEntries(
        CHANGE_KINDS.map((kind) => [kind, reports.reduce((n, r) => n + r.changes.newly[kind].total, 0)]),
      ) as Record<ChangeKind, number>,
      quality: sumQuality(reports.map((r) => r.stats.quality)),
    },
  };
}

/** Evidence on the mesa's commitments accepted during the period (days in APP_TIMEZONE). */
function acceptedEvidenceIn(viewer: Viewer, mesaId: number, period: Period): AcceptedEvidence[] {
  const start = endOfDayInstant(shiftDate(period.from, -1), appTimeZone()).toISOString();
  const end = endOfDayInstant(period.to, appTimeZone()).toISOString();
  return getDb()
    .select({
      id: evidence.id,
      kind: evidence.kind,
      summary: evidence.summary,
      observedOn: evidence.observedOn,
      acceptedAt: evidence.reviewedAt,
      commitmentId: commitments.id,
      code: commitments.code,
      title: commitments.title,
    })
    .from(evidence)
    .innerJoin(commitments, eq(commitments.id, evidence.commitmentId))
    .where(
      and(
        eq(commitments.mesaId, mesaId),
        visibleCommitments(viewer),
        eq(evidence.reviewState, "accepted"),
        gte(evidence.reviewedAt, start),
        lt(evidence.reviewedAt, end),
      ),
    )
    .orderBy(asc(evidence.reviewedAt), asc(evidence.id))
    .all()
    .map(({ commitmentId, code, title, acceptedAt, ...item }) => ({
      ...item,
      acceptedAt: acceptedAt!,
      commitment: { id: commitmentId, code, title },
    }));
}
