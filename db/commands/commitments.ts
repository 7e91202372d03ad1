import "server-only";
import { and, eq } from "drizzle-orm";
import { requireMesaEditor, requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { findCommitmentRow } from "../queries/commitments";
import { findMesaId } from "../queries/mesas";
import { commitmentParties, commitments, meetings, parties, statusChanges } from "../schema";
import { audit, type Tx } from "./audit";
import { expireFiguresOf } from "./expire-figures";
import { resolvePartySlugs } from "./parties";
import {
  createCommitmentSchema,
  crossFieldIssues,
  updateCommitmentSchema,
  type CreateCommitmentInput,
} from "./commitment-input";
import { CommandError, invalid, notFound, validate, type FieldIssue } from "./errors";

const CREATED_REASON = "Registro del compromiso";

type PartyRefs = CreateCommitmentInput["responsibleParties"];

/** Responsible parties → rows to link; unknown or repeated slugs are issues at their position. */
function resolveParties(refs: PartyRefs, issues: FieldIssue[]) {
  const ids = resolvePartySlugs(
    refs.map((r) => r.slug),
    (i) => `responsibleParties.${i}.slug`,
    issues,
  );
  return refs.map((ref, i) => ({ partyId: ids[i], isLead: ref.lead }));
}

function resolveMeeting(mesaId: number, number: number | null, issues: FieldIssue[]): number | null {
  if (number === null) return null;
  const id = getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.mesaId, mesaId), eq(meetings.number, number)))
    .get()?.id;
  if (id === undefined) issues.push({ path: "meeting", code: "unknown_meeting" });
  return id ?? null;
}

function assertCodeFree(tx: Tx, mesaId: number, code: string, exceptId?: number) {
  const clash = tx
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(eq(commitments.mesaId, mesaId), eq(commitments.code, code)))
    .get();
  if (clash && clash.id !== exceptId) {
    throw new CommandError(409, "conflict", `Code ${code} is already used in this mesa.`, [
      { path: "code", code: "taken" },
    ]);
  }
}

function replaceParties(tx: Tx, commitmentId: number, links: { partyId: number; isLead: boolean }[]) {
  tx.delete(commitmentParties).where(eq(commitmentParties.commitmentId, commitmentId)).run();
  tx.insert(commitmentParties)
    .values(links.map((link) => ({ commitmentId, ...link })))
    .run();
}

/** Creates a commitment (commissioner of its mesa, or admin). Returns it as the API shows it. */
export function createCommitment(viewer: Viewer, input: unknown) {
  requireRole(viewer, "commissioner");
  const data = validate(createCommitmentSchema, input);
  const mesaId = findMesaId(data.mesa);
  if (mesaId === undefined) throw invalid([{ path: "mesa", code: "invalid_choice" }]);
  requireMesaEditor(viewer, mesaId);

  const issues = crossFieldIssues(data);
  const links = resolveParties(data.responsibleParties, issues);
  const meetingId = resolveMeeting(mesaId, data.meeting, issues);
  if (issues.length) throw invalid(issues);

  const now = new Date().toISOString();
  const id = getDb().transaction((tx) => {
    assertCodeFree(tx, mesaId, data.code);
    const row = tx
      .insert(commitments)
      .values({
        mesaId: mesaId,
        meetingId,
        code: data.code,
        title: data.title,
        text: data.text,
        theme: data.theme,
        madeOn: data.madeOn,
        dueOn: data.dueOn,
        visibility: data.visibility,
        status: "pending",
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    replaceParties(tx, row.id, links);
    tx.insert(statusChanges)
      .values({
        commitmentId: row.id,
        fromStatus: null,
        toStatus: "pending",
        changedBy: viewer!.userId,
        changedAt: now,
        reason: CREATED_REASON,
      })
      .run();
    expireFiguresOf(tx, row.id);
    audit(tx, viewer, "commitment.create", { type: "commitment", id: row.id }, null, auditState(tx, row.id));
    return row.id;
  });
  return getCommitment(viewer, id)!;
}

/** Finds a commitment the viewer may edit: 404 when invisible to them, 403 when only readable. */
export function editableCommitment(viewer: Viewer, id: number) {
  requireRole(viewer, "commissioner");
  // Ids reach here from URLs and Server Action arguments: anything but a positive integer is no id.
  const row = Number.isSafeInteger(id) && id > 0 ? findCommitmentRow(viewer, id) : undefined;
  if (!row) throw notFound("Commitment");
  requireMesaEditor(viewer, row.mesaId);
  return row;
}

/** What the audit log keeps of a commitment: its own fields and its responsible parties. */
function auditState(tx: Tx, id: number) {
  const row = tx.select().from(commitments).where(eq(commitments.id, id)).get()!;
  const responsible = tx
    .select({ slug: parties.slug, lead: commitmentParties.isLead })
    .from(commitmentParties)
    .innerJoin(parties, eq(parties.id, commitmentParties.partyId))
    .where(eq(commitmentParties.commitmentId, id))
    .orderBy(parties.slug)
    .all();
  const { createdAt: _, updatedAt: __, ...fields } = row;
  return { ...fields, responsibleParties: responsible };
}

/** Edits any subset of a commitment's fields (not its status); an edit that changes nothing writes nothing. */
export function updateCommitment(viewer: Viewer, id: number, input: unknown) {
  const current = editableCommitment(viewer, id);
  const patch = validate(updateCommitmentSchema, input);
  const before = getCommitment(viewer, id)!;
  const merged = {
    responsibleParties: patch.responsibleParties ?? before.responsibleParties,
    madeOn: patch.madeOn ?? before.madeOn,
    dueOn: patch.dueOn === undefined ? before.dueOn : patch.dueOn,
  };
  const issues = crossFieldIssues(merged);
  const links = patch.responsibleParties ? resolveParties(patch.responsibleParties, issues) : null;
  const meetingId =
    patch.meeting === undefined ? current.meetingId : resolveMeeting(current.mesaId, patch.meeting, issues);
  if (issues.length) throw invalid(issues);

  getDb().transaction((tx) => {
    if (patch.code !== undefined) assertCodeFree(tx, current.mesaId, patch.code, id);
    const old = auditState(tx, id);
    expireFiguresOf(tx, id);
    const { responsibleParties: _, meeting: __, ...columns } = patch;
    tx.update(commitments)
      .set({ ...columns, meetingId })
      .where(eq(commitments.id, id))
      .run();
    if (links) replaceParties(tx, id, links);
    const changed = auditState(tx, id);
    if (JSON.stringify(changed) === JSON.stringify(old)) return;
    tx.update(commitments).set({ updatedAt: new Date().toISOString() }).where(eq(commitments.id, id)).run();
    expireFiguresOf(tx, id);
    audit(tx, viewer, "commitment.update", { type: "commitment", id }, old, changed);
  });
  return getCommitment(viewer, id)!;
}
