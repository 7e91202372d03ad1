import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { listEvidenceToReview, REVIEW_PAGE_SIZE } from "../queries/review";
import { auditLog, evidence, evidenceFiles, files, statusChangeEvidence, statusChanges } from "../schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { refusal } from "../testing/refusal";
import { reviewEvidence } from "./review";

let commissionerA: Viewer;
let commissionerB: Viewer;
let monitorA: Viewer;
let admin: Viewer;
let mesaA: number;
let mesaB: number;
let partyId: number;

const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[]): NonNullable<Viewer> => {
  const user = makeUser(role);
  return { userId: user.id, name: user.name, role, mesaIds };
};

/** A fresh commitment of a mesa with one submitted piece of evidence on it. */
function submitted(mesaId: number, visibility: "public" | "restricted" = "public") {
  const commitment = makeCommitment({ mesaId, partyIds: [partyId], visibility });
  return { commitment, evidence: makeEvidence(commitment.id, monitorA!.userId, "submitted") };
}

/** Row counts of everything a review touches. */
function snapshot() {
  const db = getDb();
  return [evidence, statusChanges, statusChangeEvidence, auditLog].map(
    (t) => db.select({ n: count() }).from(t).get()!.n,
  );
}

const stateOf = (id: number) =>
  getDb().select({ state: evidence.reviewState }).from(evidence).where(eq(evidence.id, id)).get()!.state;

beforeAll(() => {
  mesaA = makeMesa("mesa-a").id;
  mesaB = makeMesa("mesa-b").id;
  partyId = makeParty("gore", "regional_government").id;
  commissionerA = viewer("commissioner", [mesaA]);
  commissionerB = viewer("commissioner", [mesaB]);
  monitorA = viewer("monitor", [mesaA]);
  admin = viewer("admin", []);
});

describe("who may review", () => {
  it("refuses the public (401), monitors (403) and commissioners of other mesas (403, or 404 if restricted)", () => {
    const { evidence: open } = submitted(mesaA);
    const { evidence: hidden } = submitted(mesaA, "restricted");
    const input = { decision: "accepted" };
    expect(refusal(() => reviewEvidence(null, open.id, input)).status).toBe(401);
    expect(refusal(() => reviewEvidence(monitorA, open.id, input)).status).toBe(403);
    expect(refusal(() => reviewEvidence(commissionerB, open.id, input)).status).toBe(403);
    expect(refusal(() => reviewEvidence(commissionerB, hidden.id, input)).status).toBe(404);
    expect(refusal(() => reviewEvidence(commissionerA, 999_999, input)).status).toBe(404);
    expect(refusal(() => reviewEvidence(commissionerA, "1" as unknown as number, input)).status).toBe(404);
    expect(stateOf(open.id)).toBe("submitted");
    expect(reviewEvidence(admin, hidden.id, input).reviewState).toBe("accepted");
  });
});

describe("reviewing evidence", () => {
  it("rejects with a note, keeping the commitment's status, and refuses a second review with 409", () => {
    const { commitment, evidence: e } = submitted(mesaA);
    const before = snapshot();
    const result = reviewEvidence(commissionerA, e.id, { decision: "rejected", note: "  Foto ilegible  " });
    expect(result).toEqual({
      id: e.id,
      reviewState: "rejected",
      reviewNote: "Foto ilegible",
      commitment: { id: commitment.id, status: "pending" },
    });
    expect(snapshot()).toEqual([before[0], before[1], before[2], before[3] + 1]);

    const again = refusal(() => reviewEvidence(commissionerA, e.id, { decision: "accepted" }));
    expect(again.status).toBe(409);
    expect(again.code).toBe("conflict");
    expect(stateOf(e.id)).toBe("rejected");
  });

  it("refuses a rejection without a note (422) and writes nothing", () => {
    const { evidence: e } = submitted(mesaA);
    const before = snapshot();
    const error = refusal(() => reviewEvidence(commissionerA, e.id, { decision: "rejected", note: "   " }));
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([{ path: "note", code: "required" }]);
    expect(snapshot()).toEqual(before);
    expect(stateOf(e.id)).toBe("submitted");
  });

  it("names every bad field: decision, note length, status on a rejection, superseded, unknown keys", () => {
    const { evidence: e } = submitted(mesaA);
    const before = snapshot();
    expect(refusal(() => reviewEvidence(commissionerA, e.id, { decision: "maybe", extra: 1 })).issues).toEqual([
      { path: "decision", code: "invalid_choice" },
      { path: "extra", code: "invalid" },
    ]);
    expect(
      refusal(() => reviewEvidence(commissionerA, e.id, { decision: "accepted", note: "x".repeat(2001) })).issues,
    ).toEqual([{ path: "note", code: "too_long" }]);
    expect(
      refusal(() => reviewEvidence(commissionerA, e.id, { decision: "rejected", note: "No", setStatus: "broken" }))
        .issues,
    ).toEqual([{ path: "setStatus", code: "status_needs_acceptance" }]);
    expect(
      refusal(() => reviewEvidence(commissionerA, e.id, { decision: "accepted", note: "Ok", setStatus: "superseded" }))
        .issues,
    ).toEqual([{ path: "setStatus", code: "superseded_not_in_review" }]);
    expect(
      refusal(() => reviewEvidence(commissionerA, e.id, { decision: "accepted", setStatus: "fulfilled" })).issues,
    ).toEqual([{ path: "note", code: "required" }]);
    expect(snapshot()).toEqual(before);
    expect(stateOf(e.id)).toBe("submitted");
  });

  it("accepts without a note", () => {
    const { evidence: e } = submitted(mesaA);
    expect(reviewEvidence(commissionerA, e.id, { decision: "accepted", setStatus: null })).toMatchObject({
      reviewState: "accepted",
      reviewNote: null,
    });
  });

  it("accepts and sets the status in one step: history cites the evidence, both writes audited", () => {
    const { commitment, evidence: e } = submitted(mesaA);
    const before = snapshot();
    const result = reviewEvidence(commissionerA, e.id, {
      decision: "accepted",
      note: "Planta inaugurada, verificado en visita",
      setStatus: "fulfilled",
    });
    expect(result).toEqual({
      id: e.id,
      reviewState: "accepted",
      reviewNote: "Planta inaugurada, verificado en visita",
      commitment: { id: commitment.id, status: "fulfilled" },
    });
    expect(snapshot()).toEqual([before[0], before[1] + 1, before[2] + 1, before[3] + 2]);

    const shown = getCommitment(null, commitment.id)!;
    expect(shown.status).toBe("fulfilled");
    expect(shown.evidence.map((x) => [x.id, x.reviewState])).toEqual([[e.id, "accepted"]]);
    expect(shown.history.at(-1)).toMatchObject({
      from: "pending",
      to: "fulfilled",
      reason: "Planta inaugurada, verificado en visita",
      evidenceIds: [e.id],
    });
    const actions = getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .slice(-2)
      .map((a) => a.action);
    expect(actions).toEqual(["evidence.review", "commitment.status"]);
  });
  it("writes the review and the status change together or not at all", () => {
    const { commitment, evidence: e } = submitted(mesaA);
    // A failure inside the status write (forced by a temporary trigger) must undo the review too.
    getDb().run(
      sql.raw(`CREATE TEMP TRIGGER fail_status BEFORE INSERT ON status_changes WHEN NEW.reason = 'boom'
        BEGIN SELECT RAISE(ABORT, 'forced failure'); END`),
    );
    const before = snapshot();
    try {
      expect(() =>
        reviewEvidence(commissionerA, e.id, { decision: "accepted", note: "boom", setStatus: "fulfilled" }),
      ).toThrow("forced failure");
    } finally {
      getDb().run(sql.raw("DROP TRIGGER fail_status"));
    }
    expect(snapshot()).toEqual(before);
    expect(stateOf(e.id)).toBe("submitted");
    expect(getCommitment(commissionerA, commitment.id)!.status).toBe("pending");
  });
});

describe("the review queue", () => {
  it("lists only submitted evidence of the viewer's mesas, oldest first, with its files", () => {
    const first = submitted(mesaA).evidence;
    const second = submitted(mesaA, "restricted").evidence;
    const otherMesa = submitted(mesaB).evidence;
    const reviewed = submitted(mesaA).evidence;
    reviewEvidence(commissionerA, reviewed.id, { decision: "accepted" });
    const sha256 = "a".repeat(64);
    getDb().insert(files).values({ sha256, mimeType: "image/jpeg", sizeBytes: 1234 }).run();
    getDb().insert(evidenceFiles).values({ evidenceId: first.id, sha256, originalName: "obra.jpg" }).run();

    const { items: queue, total } = listEvidenceToReview(commissionerA);
    expect(total).toBe(queue.length);
    const ids = queue.map((item) => item.id);
    expect(ids).toContain(first.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(otherMesa.id);
    expect(ids).not.toContain(reviewed.id);
    expect(queue.every((item) => item.mesa.slug === "mesa-a")).toBe(true);
    expect(queue.find((item) => item.id === first.id)).toMatchObject({
      kind: "photo",
      submittedBy: monitorA!.name,
      mesa: { slug: "mesa-a", name: "Mesa mesa-a" },
      files: [{ sha256, name: "obra.jpg", mimeType: "image/jpeg", sizeBytes: 1234 }],
    });

    expect(listEvidenceToReview(commissionerB).items.map((item) => item.id)).toEqual([otherMesa.id]);
    expect(listEvidenceToReview(admin).items.map((item) => item.id)).toEqual(
      expect.arrayContaining([first.id, otherMesa.id]),
    );
    expect(listEvidenceToReview(monitorA)).toEqual({ items: [], total: 0 });
    expect(listEvidenceToReview(null)).toEqual({ items: [], total: 0 });
  });

  it("pages the queue, oldest first, with the size of the whole queue", () => {
    const all = listEvidenceToReview(admin);
    const added = Array.from({ length: REVIEW_PAGE_SIZE + 1 - all.total }, () => submitted(mesaA).evidence.id);
    const first = listEvidenceToReview(admin, 1);
    const second = listEvidenceToReview(admin, 2);
    expect(first.total).toBe(REVIEW_PAGE_SIZE + 1);
    expect(first.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(second.items.map((item) => item.id)).toEqual([added.at(-1)]);
    expect(first.items.map((item) => item.id)).not.toContain(added.at(-1));
  });
});
