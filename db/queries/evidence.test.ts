import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC, type Viewer } from "../access";
import { getDb } from "../client";
import { evidenceFiles, files, userMesas } from "../schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { viewerForUser } from "../viewers";
import { evidenceById, filesOfEvidence } from "./evidence";

// Evidence reads take the viewer and filter with it, so a route that forgets the gate still
// cannot hand restricted or unreviewed evidence to the public.

let onRestricted: number;
let submittedOnPublic: number;
let acceptedOnPublic: number;
let staff: Viewer;
let outsider: Viewer;

function attach(evidenceId: number, sha256: string) {
  getDb().insert(files).values({ sha256, mimeType: "application/pdf", sizeBytes: 10 }).onConflictDoNothing().run();
  getDb().insert(evidenceFiles).values({ evidenceId, sha256, originalName: "acta.pdf" }).run();
}

beforeAll(() => {
  const mesa = makeMesa();
  const party = makeParty();
  const restricted = makeCommitment({ mesaId: mesa.id, partyIds: [party.id], visibility: "restricted" });
  const open = makeCommitment({ mesaId: mesa.id, partyIds: [party.id] });
  const monitor = makeUser("monitor");
  getDb().insert(userMesas).values({ userId: monitor.id, mesaId: mesa.id }).run();
  staff = viewerForUser(monitor.id);
  outsider = viewerForUser(makeUser("monitor").id);
  onRestricted = makeEvidence(restricted.id, monitor.id, "accepted").id;
  submittedOnPublic = makeEvidence(open.id, monitor.id, "submitted").id;
  acceptedOnPublic = makeEvidence(open.id, monitor.id, "accepted").id;
  attach(onRestricted, "a".repeat(64));
  attach(submittedOnPublic, "b".repeat(64));
  attach(acceptedOnPublic, "c".repeat(64));
});

describe("evidenceById", () => {
  it("does not return restricted evidence to the public or to staff of other mesas", () => {
    expect(evidenceById(PUBLIC, onRestricted)).toBeNull();
    expect(evidenceById(outsider, onRestricted)).toBeNull();
    expect(evidenceById(staff, onRestricted)?.files.map((f) => f.sha256)).toEqual(["a".repeat(64)]);
  });

  it("shows evidence not yet accepted to staff of its mesa only", () => {
    expect(evidenceById(PUBLIC, submittedOnPublic)).toBeNull();
    expect(evidenceById(staff, submittedOnPublic)?.id).toBe(submittedOnPublic);
    expect(evidenceById(PUBLIC, acceptedOnPublic)?.id).toBe(acceptedOnPublic);
  });
});

describe("filesOfEvidence", () => {
  it("lists only the files of evidence the viewer may see", () => {
    const ids = [onRestricted, submittedOnPublic, acceptedOnPublic];
    expect([...filesOfEvidence(PUBLIC, ids).keys()]).toEqual([acceptedOnPublic]);
    expect([...filesOfEvidence(staff, ids).keys()].sort()).toEqual([...ids].sort());
  });
});
