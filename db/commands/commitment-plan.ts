import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Viewer } from "../access";
import { getDb } from "../client";
import type { Status } from "../enums";
import { findMesaId } from "../queries/mesas";
import { commitmentParties, commitments, meetings, statusChanges } from "../schema";
import type { Tx } from "./audit";
import { createCommitmentSchema, crossFieldIssues, type CreateCommitmentInput } from "./commitment-input";
import { assertFields, issuesFromZod, type FieldIssue } from "./errors";
import { expireFiguresOf } from "./expire-figures";
import { resolvePartySlugs } from "./parties";

// Creating a commitment in two halves: a check that reads (and writes nothing), and the write of
// what it planned. One commitment from a form or the API and a whole acta from an import share
// both, so they accept and refuse exactly the same things.

const CREATED_REASON = "Registro del compromiso";

type PartyRefs = CreateCommitmentInput["responsibleParties"];
type PartyLink = { partyId: number; isLead: boolean };

/** Responsible parties → rows to link; unknown or repeated slugs are issues at their position. */
export function resolveParties(refs: PartyRefs, issues: FieldIssue[]): PartyLink[] {
  const ids = resolvePartySlugs(
    refs.map((r) => r.slug),
    (i) => `responsibleParties.${i}.slug`,
    issues,
  );
  return refs.map((ref, i) => ({ partyId: ids[i], isLead: ref.lead }));
}

export function resolveMeeting(mesaId: number, number: number | null, issues: FieldIssue[]): number | null {
  if (number === null) return null;
  const id = getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.mesaId, mesaId), eq(meetings.number, number)))
    .get()?.id;
  if (id === undefined) issues.push({ path: "meeting", code: "unknown_meeting" });
  return id ?? null;
}

/** The commitment of the mesa that has this code, if any. */
export function codeHolder(mesaId: number, code: string): number | undefined {
  return getDb()
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(eq(commitments.mesaId, mesaId), eq(commitments.code, code)))
    .get()?.id;
}

export function replaceParties(tx: Tx, commitmentId: number, links: PartyLink[]) {
  tx.delete(commitmentParties).where(eq(commitmentParties.commitmentId, commitmentId)).run();
  tx.insert(commitmentParties)
    .values(links.map((link) => ({ commitmentId, ...link })))
    .run();
}

/** A new commitment checked against the database, ready for `applyCommitment`. */
export type CommitmentPlan = {
  mesaId: number;
  data: CreateCommitmentInput;
  links: PartyLink[];
  meetingId: number | null;
};

/** The mesa named (when it exists, to authorize against) and either the plan or every problem. */
export type CommitmentCheck = { mesaId: number | undefined } & (
  { plan: CommitmentPlan; issues: [] } | { plan: null; issues: FieldIssue[] }
);

const fields = createCommitmentSchema.shape;

/** One field parsed by itself, so that the lookups still run on the valid fields of an invalid input. */
function fieldOf<K extends keyof typeof fields>(raw: object, key: K): z.output<(typeof fields)[K]> | undefined {
  const result = fields[key].safeParse((raw as Record<string, unknown>)[key]);
  return result.success ? (result.data as z.output<(typeof fields)[K]>) : undefined;
}

/**
 * The reading half: the input's schema, the rules across fields, then what only the database
 * knows (the mesa, the parties, the meeting, whether the code is free in the mesa). It reports
 * every problem, writes nothing and authorizes no one: the caller authorizes against `mesaId`
 * before it tells the viewer anything.
 */
export function checkCommitment(input: unknown): CommitmentCheck {
  assertFields(input);
  const parsed = createCommitmentSchema.safeParse(input, { reportInput: true });
  const issues = parsed.success ? [] : issuesFromZod(parsed.error);
  const mesa = fieldOf(input, "mesa");
  const mesaId = mesa === undefined ? undefined : findMesaId(mesa);
  if (mesa !== undefined && mesaId === undefined) issues.push({ path: "mesa", code: "invalid_choice" });

  const refs = fieldOf(input, "responsibleParties");
  const dates = {
    madeOn: fieldOf(input, "madeOn"),
    dueOn: fieldOf(input, "dueOn"),
    recurrence: fieldOf(input, "recurrence"),
  };
  issues.push(...crossFieldIssues({ responsibleParties: refs, ...dates }));
  const links = refs ? resolveParties(refs, issues) : [];
  const meeting = fieldOf(input, "meeting");
  const meetingId = mesaId !== undefined && meeting !== undefined ? resolveMeeting(mesaId, meeting, issues) : null;
  const code = fieldOf(input, "code");
  if (mesaId !== undefined && code !== undefined && codeHolder(mesaId, code) !== undefined) {
    issues.push({ path: "code", code: "taken" });
  }

  if (!parsed.success || issues.length) return { mesaId, plan: null, issues };
  return { mesaId, plan: { mesaId: mesaId!, data: parsed.data, links, meetingId }, issues: [] };
}

/** A commitment's first status (`superseded` needs a replacement, which a new one cannot have). */
export type FirstStatus = { status: Exclude<Status, "superseded">; reason: string };

/**
 * The writing half, inside the caller's transaction: the row, its responsible parties and its
 * first history entry. The plan comes from `checkCommitment`; the caller has authorized and
 * writes the audit row.
 */
export function applyCommitment(
  tx: Tx,
  viewer: NonNullable<Viewer>,
  plan: CommitmentPlan,
  first: FirstStatus = { status: "pending", reason: CREATED_REASON },
): number {
  const { data } = plan;
  const now = new Date().toISOString();
  const { id } = tx
    .insert(commitments)
    .values({
      mesaId: plan.mesaId,
      meetingId: plan.meetingId,
      code: data.code,
      title: data.title,
      text: data.text,
      theme: data.theme,
      madeOn: data.madeOn,
      dueOn: data.dueOn,
      visibility: data.visibility,
      ...recurrenceColumns(data),
      status: first.status,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: commitments.id })
    .get();
  replaceParties(tx, id, plan.links);
  tx.insert(statusChanges)
    .values({
      commitmentId: id,
      fromStatus: null,
      toStatus: first.status,
      changedBy: viewer.userId,
      changedAt: now,
      reason: first.reason,
    })
    .run();
  expireFiguresOf(tx, id);
  return id;
}

/** A commitment's recurrence as its columns: none, or how often, from when (made_on unless given), until when. */
export function recurrenceColumns(c: { madeOn: string; recurrence: CreateCommitmentInput["recurrence"] }) {
  return c.recurrence
    ? { recurrence: c.recurrence.every, startsOn: c.recurrence.startsOn ?? c.madeOn, endsOn: c.recurrence.endsOn }
    : { recurrence: null, startsOn: null, endsOn: null };
}
