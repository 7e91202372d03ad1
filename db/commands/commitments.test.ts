import { count, desc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { auditLog, commitmentParties, commitments, statusChanges } from "../schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { refusal } from "../testing/refusal";
import { createCommitment, updateCommitment } from "./commitments";
import { changeStatus } from "./status";

let commissionerA: Viewer;
let commissionerB: Viewer;
let monitorA: Viewer;
let admin: Viewer;

const valid = () => ({
  mesa: "mesa-a",
  code: `A-${Math.random().toString(36).slice(2, 8)}`,
  title: "Construir la planta de agua",
  text: "El Gobierno Regional se compromete a construir la planta.",
  theme: "water",
  responsibleParties: [
    { slug: "gore", lead: true },
    { slug: "empresa", lead: false },
  ],
  madeOn: "2026-01-10",
  dueOn: "2099-06-30",
});

/** Row counts of everything a commitment write touches. */
function snapshot() {
  const db = getDb();
  return [commitments, commitmentParties, statusChanges, auditLog].map(
    (t) => db.select({ n: count() }).from(t).get()!.n,
  );
}

beforeAll(() => {
  const mesaA = makeMesa("mesa-a").id;
  const mesaB = makeMesa("mesa-b").id;
  makeParty("gore", "regional_government");
  makeParty("empresa", "company");
  const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[]): Viewer => {
    const user = makeUser(role);
    return { userId: user.id, name: user.name, role, mesaIds };
  };
  commissionerA = viewer("commissioner", [mesaA]);
  commissionerB = viewer("commissioner", [mesaB]);
  monitorA = viewer("monitor", [mesaA]);
  admin = viewer("admin", []);
});

describe("creating a commitment", () => {
  it("lets a commissioner of the mesa create one with two parties, history and audit", () => {
    const before = snapshot();
    const created = createCommitment(commissionerA, valid());
    expect(created).toMatchObject({ mesa: "mesa-a", status: "pending", overdue: false, visibility: "public" });
    expect(created.responsibleParties.map((p) => [p.slug, p.lead])).toEqual([
      ["gore", true],
      ["empresa", false],
    ]);
    expect(created.history).toHaveLength(1);
    expect(snapshot()).toEqual([before[0] + 1, before[1] + 2, before[2] + 1, before[3] + 1]);
  });

  it("refuses the public, monitors and commissioners of other mesas", () => {
    expect(refusal(() => createCommitment(null, valid())).status).toBe(401);
    expect(refusal(() => createCommitment(monitorA, valid())).status).toBe(403);
    expect(refusal(() => createCommitment(commissionerB, valid())).status).toBe(403);
    expect(createCommitment(admin, valid()).id).toBeGreaterThan(0);
  });

  // Found by the fuzzer (issue 11): a JSON body of "" or 0 answered 422 with an issue at the
  // empty path, which names no field.
  it.each([[""], [0], [null], [[valid()]]])("refuses %j as a malformed body (400), writing nothing", (input) => {
    const before = snapshot();
    expect(refusal(() => createCommitment(commissionerA, input))).toMatchObject({ status: 400, issues: [] });
    expect(snapshot()).toEqual(before);
  });

  it("answers 409 for a code already used in the mesa", () => {
    const input = valid();
    createCommitment(commissionerA, input);
    const before = snapshot();
    const error = refusal(() => createCommitment(commissionerA, { ...input, title: "Otro" }));
    expect(error.status).toBe(409);
    expect(error.issues).toEqual([{ path: "code", code: "taken" }]);
    expect(snapshot()).toEqual(before);
  });

  it("reports every problem at once: a bad date hides neither an unknown party nor a taken code", () => {
    const input = valid();
    createCommitment(commissionerA, input);
    const before = snapshot();
    const error = refusal(() =>
      createCommitment(commissionerA, {
        ...input,
        madeOn: "ayer",
        responsibleParties: [{ slug: "nadie", lead: true }],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.issues).toEqual([
      { path: "madeOn", code: "invalid_date" },
      { path: "responsibleParties.0.slug", code: "unknown_party" },
      { path: "code", code: "taken" },
    ]);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ["missing fields", { mesa: "mesa-a" }, ["code", "title", "text", "theme", "responsibleParties", "madeOn"]],
    ["wrong types", { ...valid(), title: 42, dueOn: 20260101, meeting: "first" }, ["title", "dueOn", "meeting"]],
    [
      "an unknown party",
      { ...valid(), responsibleParties: [{ slug: "nadie", lead: true }] },
      ["responsibleParties.0.slug"],
    ],
    ["overlong text", { ...valid(), title: "x".repeat(201), code: "y".repeat(21) }, ["code", "title"]],
    ["bad dates", { ...valid(), madeOn: "2026-02-30", dueOn: "mañana" }, ["madeOn", "dueOn"]],
    ["a deadline before the agreement", { ...valid(), madeOn: "2026-05-01", dueOn: "2026-04-01" }, ["dueOn"]],
    ["no lead", { ...valid(), responsibleParties: [{ slug: "gore", lead: false }] }, ["responsibleParties"]],
    ["an unknown field", { ...valid(), status: "fulfilled" }, ["status"]],
    ["an unknown mesa", { ...valid(), mesa: "mesa-z" }, ["mesa"]],
  ])("refuses %s with 422, each field's path, and writes nothing", (_, input, paths) => {
    const before = snapshot();
    const error = refusal(() => createCommitment(commissionerA, input));
    expect(error.status).toBe(422);
    expect(new Set(error.issues.map((i) => i.path))).toEqual(new Set(paths));
    expect(snapshot()).toEqual(before);
  });
});

describe("editing a commitment", () => {
  it("changes only the given fields and keeps one lead", () => {
    const { id } = createCommitment(commissionerA, valid());
    const edited = updateCommitment(commissionerA, id, {
      title: "Título corregido",
      dueOn: null,
      responsibleParties: [{ slug: "empresa", lead: true }],
    });
    expect(edited).toMatchObject({ title: "Título corregido", dueOn: null, theme: "water" });
    expect(edited.responsibleParties).toEqual([{ slug: "empresa", name: "Party empresa", lead: true }]);
  });

  it("audits the state before and after, and writes nothing for an edit that changes nothing", () => {
    const { id } = createCommitment(commissionerA, valid());
    updateCommitment(commissionerA, id, { title: "Nuevo título" });
    const row = getDb().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(row).toMatchObject({ action: "commitment.update", entityId: String(id) });
    expect(row.before).toMatchObject({ title: "Construir la planta de agua", responsibleParties: expect.any(Array) });
    expect(row.after).toMatchObject({ title: "Nuevo título", theme: "water" });
    const before = snapshot();
    const unchanged = getCommitment(admin, id)!;
    updateCommitment(commissionerA, id, { title: "Nuevo título" });
    updateCommitment(commissionerA, id, {});
    expect(snapshot()).toEqual(before);
    expect(getCommitment(admin, id)!.updatedAt).toBe(unchanged.updatedAt);
  });

  it("refuses a status through PATCH and a deadline before the agreement", () => {
    const { id } = createCommitment(commissionerA, valid());
    const before = snapshot();
    expect(refusal(() => updateCommitment(commissionerA, id, { status: "fulfilled" })).issues).toEqual([
      { path: "status", code: "invalid" },
    ]);
    expect(refusal(() => updateCommitment(commissionerA, id, { dueOn: "2025-01-01" })).issues).toEqual([
      { path: "dueOn", code: "due_before_made" },
    ]);
    expect(snapshot()).toEqual(before);
  });

  it("answers 404 for a restricted commitment the viewer cannot see, 403 when only readable", () => {
    const gore = getCommitment(admin, createCommitment(admin, valid()).id)!;
    const hidden = createCommitment(admin, { ...valid(), visibility: "restricted" });
    expect(refusal(() => updateCommitment(commissionerB, hidden.id, { title: "x" })).status).toBe(404);
    expect(refusal(() => updateCommitment(commissionerB, gore.id, { title: "x" })).status).toBe(403);
  });
});

describe("changing the status", () => {
  it("requires a reason and appends to the history with who and why", () => {
    const { id } = createCommitment(commissionerA, valid());
    expect(refusal(() => changeStatus(commissionerA, id, { status: "fulfilled", reason: "  " })).issues).toEqual([
      { path: "reason", code: "required" },
    ]);
    const changed = changeStatus(commissionerA, id, { status: "in_progress", reason: "Obra iniciada" });
    expect(changed.status).toBe("in_progress");
    expect(changed.history.at(-1)).toMatchObject({ from: "pending", to: "in_progress", reason: "Obra iniciada" });
  });

  it("requires superseded_by to be another commitment of the same mesa", () => {
    const { id } = createCommitment(commissionerA, valid());
    const replacement = createCommitment(commissionerA, valid());
    const elsewhere = makeCommitment({ mesaId: makeMesa().id, partyIds: [] });
    const issuesFor = (supersededBy: number | null) =>
      refusal(() => changeStatus(commissionerA, id, { status: "superseded", reason: "Renegociado", supersededBy }))
        .issues;
    expect(issuesFor(null)).toEqual([{ path: "supersededBy", code: "superseded_by_required" }]);
    expect(issuesFor(id)).toEqual([{ path: "supersededBy", code: "superseded_by_same_mesa" }]);
    expect(issuesFor(elsewhere.id)).toEqual([{ path: "supersededBy", code: "superseded_by_same_mesa" }]);
    const done = changeStatus(commissionerA, id, {
      status: "superseded",
      reason: "Renegociado en la sesión 4",
      supersededBy: replacement.id,
    });
    expect(done).toMatchObject({ status: "superseded", supersededBy: replacement.id });
    // The replacement cannot now point back at the commitment it replaced.
    expect(
      refusal(() =>
        changeStatus(commissionerA, replacement.id, { status: "superseded", reason: "Vuelta", supersededBy: id }),
      ).issues,
    ).toEqual([{ path: "supersededBy", code: "superseded_by_superseded" }]);
  });

  it("cites only the commitment's own evidence", () => {
    const { id } = createCommitment(commissionerA, valid());
    const other = createCommitment(commissionerA, valid());
    const own = makeEvidence(id, commissionerA!.userId, "accepted");
    const foreign = makeEvidence(other.id, commissionerA!.userId, "accepted");
    expect(
      refusal(() => changeStatus(commissionerA, id, { status: "fulfilled", reason: "ok", evidenceIds: [foreign.id] }))
        .issues,
    ).toEqual([{ path: "evidenceIds.0", code: "unknown_evidence" }]);
    const done = changeStatus(commissionerA, id, {
      status: "fulfilled",
      reason: "Acta firmada",
      evidenceIds: [own.id],
    });
    expect(done.history.at(-1)?.evidenceIds).toEqual([own.id]);
  });

  it("shows the new status to the public at once", () => {
    const { id } = createCommitment(commissionerA, { ...valid(), dueOn: null });
    changeStatus(commissionerA, id, { status: "broken", reason: "Declarado incumplido" });
    expect(getCommitment(null, id)?.status).toBe("broken");
  });
});

describe("forged Server Action arguments", () => {
  it("answers 404, not a crash, for ids and slugs of the wrong type", () => {
    const forged = [() => updateCommitment(admin, "7; DROP" as unknown as number, { title: "x" })];
    forged.push(() => changeStatus(admin, { id: 1 } as unknown as number, { status: "broken", reason: "x" }));
    for (const call of forged) expect(refusal(call).status).toBe(404);
  });
});
