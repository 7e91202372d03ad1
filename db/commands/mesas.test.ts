import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { auditLog, meetingAttendance, meetings, mesaParties, mesas, parties } from "../schema";
import { refusal as refuse } from "../testing/refusal";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { CommandError } from "./errors";
import { mesaFromForm } from "./mesa-input";
import { createMeeting, createMesa, setParticipation, updateMeeting, updateMesa } from "./mesas";

let admin: Viewer;
let commissioner: Viewer;
let outsider: Viewer;
let monitor: Viewer;
let mesaId: number;

const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[] = []): Viewer => {
  const user = makeUser(role);
  return { userId: user.id, name: user.name, role, mesaIds };
};

beforeAll(() => {
  mesaId = makeMesa("alpha").id;
  const other = makeMesa("beta");
  makeParty("company", "company");
  makeParty("community");
  makeParty("ministry", "national_government");
  admin = viewer("admin");
  commissioner = viewer("commissioner", [mesaId]);
  outsider = viewer("commissioner", [other.id]);
  monitor = viewer("monitor", [mesaId]);
});

const tables = { mesas, mesaParties, meetings, meetingAttendance, parties, auditLog };
/** Row counts of every table these commands write, to show that a refusal wrote nothing. */
function counts() {
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  );
}

/** Runs a command expected to fail; returns its error, checking that nothing was written. */
/** A refusal that wrote nothing. */
function refusal(run: () => unknown): CommandError {
  const before = counts();
  const error = refuse(run);
  expect(counts()).toEqual(before);
  return error;
}

const lastAudit = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
const paths = (error: CommandError) => error.issues.map((i) => `${i.path}:${i.code}`);

const newMesa = (slug: string) => ({
  slug,
  name: "Mesa de diálogo de Chumbivilcas",
  region: "Cusco",
  status: "active",
  description: "Instalada por la PCM.",
  sourceLinks: ["https://www.gob.pe/pcm"],
});

describe("createMesa", () => {
  it("is for admins only", () => {
    expect(refusal(() => createMesa(null, newMesa("gamma"))).status).toBe(401);
    expect(refusal(() => createMesa(monitor, newMesa("gamma"))).status).toBe(403);
    expect(refusal(() => createMesa(commissioner, newMesa("gamma"))).status).toBe(403);
  });

  it("creates the mesa with an audit row", () => {
    const mesa = createMesa(admin, { ...newMesa("gamma"), province: "  ", convenedOn: "2024-05-02" });
    expect(mesa).toMatchObject({ slug: "gamma", province: null, convenedOn: "2024-05-02", parties: [] });
    const entry = lastAudit();
    expect(entry).toMatchObject({
      action: "mesa.create",
      entityType: "mesa",
      before: null,
      actorUserId: admin!.userId,
    });
    expect(entry.after).toMatchObject({ slug: "gamma", region: "Cusco" });
  });

  it("refuses a slug in use with 409", () => {
    const error = refusal(() => createMesa(admin, newMesa("alpha")));
    expect(error.status).toBe(409);
    expect(paths(error)).toEqual(["slug:taken"]);
  });

  it("lists every bad field with 422 and writes nothing", () => {
    const error = refusal(() =>
      createMesa(admin, {
        slug: "Not A Slug",
        name: " ",
        status: "closed",
        convenedOn: "2024-02-30",
        sourceLinks: ["https://ok.example", "javascript:alert(1)"],
      }),
    );
    expect(error.status).toBe(422);
    expect(paths(error)).toEqual(
      expect.arrayContaining([
        "slug:invalid",
        "name:required",
        "region:required",
        "status:invalid_choice",
        "convenedOn:invalid_date",
        "sourceLinks.1:invalid_url",
      ]),
    );
  });
});

describe("updateMesa", () => {
  it("needs a commissioner of that mesa or an admin", () => {
    expect(refusal(() => updateMesa(null, "alpha", { name: "X" })).status).toBe(401);
    expect(refusal(() => updateMesa(monitor, "alpha", { name: "X" })).status).toBe(403);
    expect(refusal(() => updateMesa(outsider, "alpha", { name: "X" })).status).toBe(403);
    expect(refusal(() => updateMesa(admin, "nowhere", { name: "X" })).status).toBe(404);
  });

  it("lets the mesa's commissioner and an admin edit it, auditing before and after", () => {
    expect(updateMesa(commissioner, "alpha", { name: "Mesa Alpha", status: "suspended" })).toMatchObject({
      name: "Mesa Alpha",
      status: "suspended",
    });
    const entry = lastAudit();
    expect(entry).toMatchObject({ action: "mesa.update", entityId: String(mesaId) });
    expect(entry.before).toMatchObject({ name: "Mesa alpha", status: "active" });
    expect(entry.after).toMatchObject({ name: "Mesa Alpha", status: "suspended" });
    expect(updateMesa(admin, "alpha", { conveningBody: "PCM" }).conveningBody).toBe("PCM");
  });

  it("records the follow-up body, and none as null", () => {
    expect(updateMesa(commissioner, "alpha", { followUpBody: " Comité de monitoreo " }).followUpBody).toBe(
      "Comité de monitoreo",
    );
    expect(updateMesa(commissioner, "alpha", { followUpBody: "  " }).followUpBody).toBeNull();
  });

  it("refuses to change the slug and bad values, writing nothing", () => {
    const error = refusal(() => updateMesa(commissioner, "alpha", { slug: "other", region: "" }));
    expect(error.status).toBe(422);
    expect(paths(error).sort()).toEqual(["region:required", "slug:invalid"]);
  });
});

describe("mesa coordinates (the map)", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries({ name: "Mesa", region: "Cusco", status: "active", ...fields })) {
      data.set(key, value);
    }
    return mesaFromForm(data);
  };

  it("stores a place in Peru on create, and a mesa without one as null", () => {
    expect(createMesa(admin, { ...newMesa("placed"), latitude: -14.79, longitude: -71.41 })).toMatchObject({
      latitude: -14.79,
      longitude: -71.41,
    });
    expect(createMesa(admin, newMesa("unplaced"))).toMatchObject({ latitude: null, longitude: null });
  });

  it("refuses a point outside Peru (a lost minus sign, a swapped pair) and half a point", () => {
    const outside = refusal(() => createMesa(admin, { ...newMesa("delta"), latitude: 14.12, longitude: -72.25 }));
    expect(paths(outside)).toEqual(["latitude:invalid"]);
    const swapped = refusal(() => createMesa(admin, { ...newMesa("delta"), latitude: -72.25, longitude: -14.12 }));
    expect(paths(swapped)).toEqual(["latitude:invalid", "longitude:invalid"]);
    const half = refusal(() => createMesa(admin, { ...newMesa("delta"), latitude: -14.12 }));
    expect(paths(half)).toEqual(["longitude:required"]);
    expect(paths(refusal(() => createMesa(admin, { ...newMesa("delta"), latitude: "-14" })))).toContain(
      "latitude:invalid",
    );
  });

  it("reads the form's text: blank is no place, a decimal comma is a point, words are refused", () => {
    expect(form({ latitude: " -14,12 ", longitude: "-72.25" })).toMatchObject({ latitude: -14.12, longitude: -72.25 });
    expect(form({ latitude: "", longitude: " " })).toMatchObject({ latitude: null, longitude: null });
    const error = refusal(() => updateMesa(admin, "alpha", form({ latitude: "sur", longitude: "-72" })));
    expect(paths(error)).toEqual(["latitude:invalid"]);
  });

  it("moves one coordinate of a placed mesa, but never leaves half a point", () => {
    updateMesa(admin, "alpha", { latitude: -17.08, longitude: -70.84 });
    expect(updateMesa(commissioner, "alpha", { latitude: -17.2 })).toMatchObject({
      latitude: -17.2,
      longitude: -70.84,
    });
    expect(paths(refusal(() => updateMesa(admin, "alpha", { longitude: null })))).toEqual(["longitude:required"]);
    expect(updateMesa(admin, "alpha", { latitude: null, longitude: null })).toMatchObject({
      latitude: null,
      longitude: null,
    });
  });
});

describe("setParticipation", () => {
  const list = [
    { party: "company", role: "member" },
    { party: "ministry", role: "convenor" },
  ];

  it("needs a commissioner of that mesa or an admin", () => {
    expect(refusal(() => setParticipation(null, "alpha", list)).status).toBe(401);
    expect(refusal(() => setParticipation(monitor, "alpha", list)).status).toBe(403);
    expect(refusal(() => setParticipation(outsider, "alpha", list)).status).toBe(403);
  });

  it("replaces the participants and audits the change", () => {
    setParticipation(commissioner, "alpha", [{ party: "community", role: "observer" }]);
    const parties = setParticipation(admin, "alpha", list);
    expect(parties.map((p) => [p.slug, p.role])).toEqual(
      expect.arrayContaining([
        ["company", "member"],
        ["ministry", "convenor"],
      ]),
    );
    expect(parties).toHaveLength(2);
    expect(lastAudit()).toMatchObject({
      action: "mesa.participation",
      before: [{ party: "community", role: "observer" }],
      after: [
        { party: "company", role: "member" },
        { party: "ministry", role: "convenor" },
      ],
    });
  });

  it("refuses unknown parties, repeats and bad roles with their positions", () => {
    const error = refusal(() =>
      setParticipation(commissioner, "alpha", [
        { party: "company", role: "member" },
        { party: "ghost", role: "member" },
        { party: "company", role: "observer" },
      ]),
    );
    expect(error.status).toBe(422);
    expect(paths(error)).toEqual(["participants.1.party:unknown_party", "participants.2.party:duplicate"]);
    const badRole = refusal(() => setParticipation(commissioner, "alpha", [{ party: "company", role: "boss" }]));
    expect(paths(badRole)).toEqual(["participants.0.role:invalid_choice"]);
  });
});

describe("meetings", () => {
  const meeting = { number: 1, heldOn: "2025-03-10", place: "Challhuahuacho", summary: "Instalación.", attendees: [] };

  it("needs a commissioner of that mesa or an admin", () => {
    expect(refusal(() => createMeeting(null, "alpha", meeting)).status).toBe(401);
    expect(refusal(() => createMeeting(monitor, "alpha", meeting)).status).toBe(403);
    expect(refusal(() => createMeeting(outsider, "alpha", meeting)).status).toBe(403);
    expect(refusal(() => updateMeeting(outsider, "alpha", 1, { place: "X" })).status).toBe(403);
  });

  it("records a meeting with attendance, audited", () => {
    const created = createMeeting(commissioner, "alpha", { ...meeting, attendees: ["company", "community"] });
    expect(created).toMatchObject({ number: 1, place: "Challhuahuacho", attendees: ["community", "company"] });
    expect(lastAudit()).toMatchObject({ action: "meeting.create", entityType: "meeting", before: null });
    expect(createMeeting(admin, "alpha", { number: 2, heldOn: "2025-04-01" })).toMatchObject({
      number: 2,
      place: null,
      summary: "",
      attendees: [],
    });
  });

  it("refuses a number in use with 409, in create and in renumbering", () => {
    const error = refusal(() => createMeeting(commissioner, "alpha", meeting));
    expect(error.status).toBe(409);
    expect(paths(error)).toEqual(["number:taken"]);
    expect(refusal(() => updateMeeting(commissioner, "alpha", 2, { number: 1 })).status).toBe(409);
    // The same number in another mesa is fine.
    expect(createMeeting(admin, "beta", meeting).number).toBe(1);
  });

  it("refuses bad fields and unknown attendees with 422, writing nothing", () => {
    const error = refusal(() =>
      createMeeting(commissioner, "alpha", { number: 0, heldOn: "10/03/2025", attendees: ["company", "ghost"] }),
    );
    expect(error.status).toBe(422);
    expect(paths(error)).toEqual(expect.arrayContaining(["number:too_short", "heldOn:invalid_date"]));
    // Cross checks run once the fields are well formed.
    const unknown = refusal(() =>
      createMeeting(commissioner, "alpha", { ...meeting, number: 5, attendees: ["company", "ghost", "company"] }),
    );
    expect(paths(unknown)).toEqual(["attendees.1:unknown_party", "attendees.2:duplicate"]);
    const update = refusal(() => updateMeeting(commissioner, "alpha", 1, { heldOn: "", attendees: ["ghost"] }));
    expect(paths(update)).toEqual(["heldOn:invalid_date"]);
  });

  it("edits a meeting: fields, number and attendance, audited", () => {
    const updated = updateMeeting(commissioner, "alpha", 2, { number: 3, attendees: ["ministry"] });
    expect(updated).toMatchObject({ number: 3, heldOn: "2025-04-01", attendees: ["ministry"] });
    const entry = lastAudit();
    expect(entry).toMatchObject({ action: "meeting.update", before: { number: 2, attendees: [] } });
    expect(entry.after).toMatchObject({ number: 3, attendees: ["ministry"] });
    expect(updateMeeting(admin, "alpha", 3, { summary: "Acuerdos de agua." }).summary).toBe("Acuerdos de agua.");
    const row = getDb()
      .select()
      .from(meetings)
      .where(and(eq(meetings.mesaId, mesaId), eq(meetings.number, 3)))
      .get();
    expect(row?.summary).toBe("Acuerdos de agua.");
  });

  it("answers 404 for a meeting the mesa does not have", () => {
    expect(refusal(() => updateMeeting(commissioner, "alpha", 99, { place: "X" })).status).toBe(404);
  });
});
