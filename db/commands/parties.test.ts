import { desc, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { auditLog, parties } from "../schema";
import { refusal as refuse } from "../testing/refusal";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { CommandError } from "./errors";
import { listParties } from "../queries/parties";
import { createParty, updateParty } from "./parties";

let admin: Viewer;
let commissioner: Viewer;
let outsider: Viewer;
let monitor: Viewer;

const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[] = []): Viewer => {
  const user = makeUser(role);
  return { userId: user.id, name: user.name, role, mesaIds };
};

beforeAll(() => {
  const mesa = makeMesa("alpha");
  const other = makeMesa("beta");
  makeParty("mmg", "company");
  admin = viewer("admin");
  commissioner = viewer("commissioner", [mesa.id]);
  outsider = viewer("commissioner", [other.id]);
  monitor = viewer("monitor", [mesa.id]);
});

const count = (table: typeof parties | typeof auditLog) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const counts = () => ({ parties: count(parties), audit: count(auditLog) });
const lastAudit = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

/** Runs a command expected to fail; returns its error, checking that nothing was written. */
/** A refusal that wrote nothing. */
function refusal(run: () => unknown): CommandError {
  const before = counts();
  const rows = getDb().select().from(parties).all();
  const error = refuse(run);
  expect(counts()).toEqual(before);
  expect(getDb().select().from(parties).all()).toEqual(rows);
  return error;
}
const paths = (error: CommandError) => error.issues.map((i) => `${i.path}:${i.code}`);

const party = { slug: "comunidad-fuerabamba", name: "Comunidad Campesina de Fuerabamba", kind: "community" };

describe("parties are shared by every mesa: admins only", () => {
  it("refuses the public with 401 and everyone but admins with 403", () => {
    expect(refusal(() => createParty(null, party)).status).toBe(401);
    expect(refusal(() => updateParty(null, "mmg", { name: "X" })).status).toBe(401);
    for (const who of [monitor, commissioner, outsider]) {
      expect(refusal(() => createParty(who, party)).status).toBe(403);
      expect(refusal(() => updateParty(who, "mmg", { name: "X" })).status).toBe(403);
    }
  });
});

describe("createParty", () => {
  it("creates a party with an audit row", () => {
    expect(createParty(admin, party)).toEqual(party);
    expect(lastAudit()).toMatchObject({
      action: "party.create",
      entityType: "party",
      actorUserId: admin!.userId,
      before: null,
      after: expect.objectContaining(party),
    });
    expect(listParties().map((p) => p.slug)).toContain(party.slug);
  });

  it("refuses a slug in use with 409", () => {
    const error = refusal(() => createParty(admin, { ...party, name: "Otra" }));
    expect(error.status).toBe(409);
    expect(paths(error)).toEqual(["slug:taken"]);
  });

  it("lists every bad field with 422", () => {
    const error = refusal(() => createParty(admin, { slug: "", name: "", kind: "mining" }));
    expect(error.status).toBe(422);
    expect(paths(error).sort()).toEqual(["kind:invalid_choice", "name:required", "slug:required"]);
  });
});

describe("updateParty", () => {
  it("renames a party and changes its kind, audited", () => {
    expect(updateParty(admin, "mmg", { name: "MMG Las Bambas", kind: "company" })).toEqual({
      slug: "mmg",
      name: "MMG Las Bambas",
      kind: "company",
    });
    expect(lastAudit()).toMatchObject({
      action: "party.update",
      before: expect.objectContaining({ name: "Party mmg" }),
      after: expect.objectContaining({ name: "MMG Las Bambas" }),
    });
  });

  it("refuses a new slug and bad values with 422, and unknown parties with 404", () => {
    const error = refusal(() => updateParty(admin, "mmg", { slug: "other", kind: "x" }));
    expect(error.status).toBe(422);
    expect(paths(error).sort()).toEqual(["kind:invalid_choice", "slug:invalid"]);
    expect(refusal(() => updateParty(admin, "ghost", { name: "X" })).status).toBe(404);
  });
});
