import "server-only";
import { FIGURES, invalidate } from "../cache/tags";
import { and, asc, eq } from "drizzle-orm";
import { requireMesaEditor, requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import type { Db } from "../connection";
import { getMesaProfile } from "../queries/mesas";
import { meetingAttendance, meetings, mesaParties, mesas, parties } from "../schema";
import { audit, type Tx } from "./audit";
import { CommandError, invalid, notFound, validate, type FieldIssue } from "./errors";
import {
  coordinateIssues,
  createMeetingSchema,
  createMesaSchema,
  participationSchema,
  updateMeetingSchema,
  updateMesaSchema,
} from "./mesa-input";
import { resolvePartySlugs } from "./parties";

// Mesa, participation and meeting writes. Editing an existing mesa is for its commissioners and
// admins (CONTRACT §2); creating one is for admins, who also assign its commissioners.

/** The mesa the viewer may edit: 401/403 by role first, then 404, then 403 for other mesas. */
function editableMesa(viewer: Viewer, slug: string) {
  requireRole(viewer, "commissioner");
  // Slugs reach here from URLs and Server Action arguments, which a client can forge.
  const mesa = typeof slug === "string" ? getDb().select().from(mesas).where(eq(mesas.slug, slug)).get() : undefined;
  if (!mesa) throw notFound("Mesa");
  requireMesaEditor(viewer, mesa.id);
  return mesa;
}

/** Creates a mesa (admin). Returns it as `GET /mesas/{slug}` shows it. */
export function createMesa(viewer: Viewer, input: unknown) {
  requireRole(viewer, "admin");
  const data = validate(createMesaSchema, input);
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    if (tx.select({ id: mesas.id }).from(mesas).where(eq(mesas.slug, data.slug)).get()) {
      throw new CommandError(409, "conflict", `Mesa ${data.slug} already exists.`, [{ path: "slug", code: "taken" }]);
    }
    const row = tx
      .insert(mesas)
      .values({ ...data, createdAt: now, updatedAt: now })
      .returning()
      .get();
    audit(tx, viewer, "mesa.create", { type: "mesa", id: row.id }, null, row);
  });
  invalidate([FIGURES]);
  return getMesaProfile(data.slug)!;
}

/** Edits any subset of a mesa's fields; its slug stays (links and the open data use it). */
export function updateMesa(viewer: Viewer, slug: string, input: unknown) {
  const current = editableMesa(viewer, slug);
  const patch = validate(updateMesaSchema, input);
  // A patch may move one coordinate; the pair it leaves must still be whole (or empty).
  const after = { ...current, ...patch };
  const placed = coordinateIssues(after.latitude, after.longitude);
  if (placed.length) throw invalid(placed);
  getDb().transaction((tx) => {
    const row = tx
      .update(mesas)
      .set({ ...patch, updatedAt: new Date().toISOString() })
      .where(eq(mesas.id, current.id))
      .returning()
      .get();
    audit(tx, viewer, "mesa.update", { type: "mesa", id: current.id }, current, row);
  });
  // Mesa names and statuses are part of the overview and the party scorecards.
  invalidate([FIGURES]);
  return getMesaProfile(slug)!;
}

function participantsOf(db: Tx | Db, mesaId: number) {
  return db
    .select({ party: parties.slug, role: mesaParties.role })
    .from(mesaParties)
    .innerJoin(parties, eq(parties.id, mesaParties.partyId))
    .where(eq(mesaParties.mesaId, mesaId))
    .orderBy(asc(parties.slug))
    .all();
}

/** Replaces the mesa's participants with the given list of `{party, role}`. */
export function setParticipation(viewer: Viewer, mesaSlug: string, input: unknown) {
  const mesa = editableMesa(viewer, mesaSlug);
  const { participants } = validate(participationSchema, { participants: input });
  const issues: FieldIssue[] = [];
  const partyIds = resolvePartySlugs(
    participants.map((p) => p.party),
    (i) => `participants.${i}.party`,
    issues,
  );
  if (issues.length) throw invalid(issues);

  getDb().transaction((tx) => {
    const before = participantsOf(tx, mesa.id);
    tx.delete(mesaParties).where(eq(mesaParties.mesaId, mesa.id)).run();
    if (participants.length) {
      tx.insert(mesaParties)
        .values(participants.map((p, i) => ({ mesaId: mesa.id, partyId: partyIds[i], role: p.role })))
        .run();
    }
    audit(tx, viewer, "mesa.participation", { type: "mesa", id: mesa.id }, before, participantsOf(tx, mesa.id));
  });
  invalidate([FIGURES]);
  return getMesaProfile(mesaSlug)!.parties;
}

/** A meeting as the audit log and callers see it: its columns and attending party slugs. */
function meetingSnapshot(db: Tx | Db, id: number) {
  const { id: _, mesaId: __, createdAt: ___, ...row } = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
  const attendees = db
    .select({ slug: parties.slug })
    .from(meetingAttendance)
    .innerJoin(parties, eq(parties.id, meetingAttendance.partyId))
    .where(eq(meetingAttendance.meetingId, id))
    .orderBy(asc(parties.slug))
    .all()
    .map((a) => a.slug);
  return { ...row, attendees };
}

function assertNumberFree(tx: Tx, mesaId: number, number: number) {
  const clash = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.mesaId, mesaId), eq(meetings.number, number)))
    .get();
  if (clash) {
    throw new CommandError(409, "conflict", `Meeting ${number} already exists in this mesa.`, [
      { path: "number", code: "taken" },
    ]);
  }
}

function replaceAttendance(tx: Tx, meetingId: number, partyIds: number[]) {
  tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).run();
  if (partyIds.length) {
    tx.insert(meetingAttendance)
      .values(partyIds.map((partyId) => ({ meetingId, partyId })))
      .run();
  }
}

/** Records a meeting (sesión) of the mesa with the parties that attended. */
export function createMeeting(viewer: Viewer, mesaSlug: string, input: unknown) {
  const mesa = editableMesa(viewer, mesaSlug);
  const data = validate(createMeetingSchema, input);
  const issues: FieldIssue[] = [];
  const attendeeIds = resolvePartySlugs(data.attendees, (i) => `attendees.${i}`, issues);
  if (issues.length) throw invalid(issues);

  return getDb().transaction((tx) => {
    assertNumberFree(tx, mesa.id, data.number);
    const { attendees: _, ...columns } = data;
    const row = tx
      .insert(meetings)
      .values({ ...columns, mesaId: mesa.id })
      .returning({ id: meetings.id })
      .get();
    replaceAttendance(tx, row.id, attendeeIds);
    const after = meetingSnapshot(tx, row.id);
    audit(tx, viewer, "meeting.create", { type: "meeting", id: row.id }, null, { mesa: mesa.slug, ...after });
    return after;
  });
}

/** Edits any subset of a meeting's fields, its number included (still unique in the mesa). */
export function updateMeeting(viewer: Viewer, mesaSlug: string, number: number, input: unknown) {
  const mesa = editableMesa(viewer, mesaSlug);
  const current = Number.isSafeInteger(number)
    ? getDb()
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.mesaId, mesa.id), eq(meetings.number, number)))
        .get()
    : undefined;
  if (!current) throw notFound("Meeting");
  const patch = validate(updateMeetingSchema, input);
  const issues: FieldIssue[] = [];
  const attendeeIds = patch.attendees && resolvePartySlugs(patch.attendees, (i) => `attendees.${i}`, issues);
  if (issues.length) throw invalid(issues);

  return getDb().transaction((tx) => {
    const before = meetingSnapshot(tx, current.id);
    if (patch.number !== undefined && patch.number !== number) assertNumberFree(tx, mesa.id, patch.number);
    const { attendees: _, ...columns } = patch;
    // Drizzle refuses an UPDATE with nothing to SET (a patch of attendees only).
    if (Object.keys(columns).length) tx.update(meetings).set(columns).where(eq(meetings.id, current.id)).run();
    if (attendeeIds) replaceAttendance(tx, current.id, attendeeIds);
    const after = meetingSnapshot(tx, current.id);
    audit(
      tx,
      viewer,
      "meeting.update",
      { type: "meeting", id: current.id },
      { mesa: mesa.slug, ...before },
      {
        mesa: mesa.slug,
        ...after,
      },
    );
    return after;
  });
}
