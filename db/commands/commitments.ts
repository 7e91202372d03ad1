import "server-only";
import { eq } from "drizzle-orm";
import { requireMesaEditor, requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { findCommitmentRow } from "../queries/commitments";
import { commitmentParties, commitments, parties } from "../schema";
import { audit, type Tx } from "./audit";
import { crossFieldIssues, updateCommitmentSchema } from "./commitment-input";
import {
  applyCommitment,
  checkCommitment,
  codeHolder,
  recurrenceColumns,
  replaceParties,
  resolveMeeting,
  resolveParties,
} from "./commitment-plan";
import { CommandError, invalid, notFound, validate } from "./errors";
import { expireFiguresOf } from "./expire-figures";

const codeConflict = (code: string) =>
  new CommandError(409, "conflict", `Code ${code} is already used in this mesa.`, [{ path: "code", code: "taken" }]);

/** Creates a commitment (commissioner of its mesa, or admin). Returns it as the API shows it. */
export function createCommitment(viewer: Viewer, input: unknown) {
  const editor = requireRole(viewer, "commissioner");
  const id = getDb().transaction((tx) => {
    const { mesaId, plan, issues } = checkCommitment(input);
    if (mesaId !== undefined) requireMesaEditor(editor, mesaId);
    if (!plan) {
      // A code already used is a conflict (409) when nothing else is wrong, else one more bad field.
      const onlyTaken = issues.every((issue) => issue.code === "taken");
      throw onlyTaken ? codeConflict(String((input as { code: unknown }).code).trim()) : invalid(issues);
    }
    const created = applyCommitment(tx, editor, plan);
    audit(tx, editor, "commitment.create", { type: "commitment", id: created }, null, auditState(tx, created));
    return created;
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
    recurrence: patch.recurrence === undefined ? before.recurrence : patch.recurrence,
  };
  const issues = crossFieldIssues(merged);
  const links = patch.responsibleParties ? resolveParties(patch.responsibleParties, issues) : null;
  const meetingId =
    patch.meeting === undefined ? current.meetingId : resolveMeeting(current.mesaId, patch.meeting, issues);
  if (issues.length) throw invalid(issues);

  getDb().transaction((tx) => {
    if (patch.code !== undefined) {
      const holder = codeHolder(current.mesaId, patch.code);
      if (holder !== undefined && holder !== id) throw codeConflict(patch.code);
    }
    const old = auditState(tx, id);
    expireFiguresOf(tx, id);
    const { responsibleParties: _, meeting: __, recurrence, ...columns } = patch;
    const recurring = recurrence === undefined ? {} : recurrenceColumns({ madeOn: merged.madeOn, recurrence });
    tx.update(commitments)
      .set({ ...columns, ...recurring, meetingId })
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
