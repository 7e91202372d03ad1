import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { listEvidenceToReview, reviewQueueCounts } from "./review";

const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[]): NonNullable<Viewer> => {
  const user = makeUser(role);
  return { userId: user.id, name: user.name, role, mesaIds };
};

let commissioner: Viewer;
let monitor: Viewer;
let admin: Viewer;

beforeAll(() => {
  const [alpha, beta, gamma] = ["alpha", "beta", "gamma"].map((slug) => makeMesa(slug).id);
  const partyIds = [makeParty().id];
  commissioner = viewer("commissioner", [alpha, beta]);
  monitor = viewer("monitor", [alpha, beta]);
  admin = viewer("admin", []);
  const evidenceOn = (mesaId: number, states: ("submitted" | "accepted" | "rejected")[], restricted = false) => {
    const { id } = makeCommitment({ mesaId, partyIds, visibility: restricted ? "restricted" : "public" });
    for (const state of states) makeEvidence(id, monitor!.userId, state);
  };
  evidenceOn(alpha, ["submitted", "accepted", "submitted"]);
  evidenceOn(alpha, ["submitted"], true);
  evidenceOn(beta, ["rejected", "submitted"]);
  evidenceOn(gamma, ["submitted", "submitted"]);
});

describe("review queue counts", () => {
  it("counts a commissioner's waiting evidence by mesa, restricted included, other mesas left out", () => {
    expect(reviewQueueCounts(commissioner)).toEqual({
      total: 4,
      byMesa: [
        { slug: "alpha", name: "Mesa alpha", waiting: 3 },
        { slug: "beta", name: "Mesa beta", waiting: 1 },
      ],
    });
  });

  it("agrees with the size of the queue the page lists", () => {
    for (const who of [commissioner, admin]) expect(reviewQueueCounts(who).total).toBe(listEvidenceToReview(who).total);
  });

  it("gives an admin the total of every mesa, without the split", () => {
    expect(reviewQueueCounts(admin)).toEqual({ total: 6, byMesa: [] });
  });

  it("is empty for those who do not review", () => {
    const none = { total: 0, byMesa: [] };
    expect(reviewQueueCounts(monitor)).toEqual(none);
    expect(reviewQueueCounts(null)).toEqual(none);
    expect(reviewQueueCounts(viewer("commissioner", []))).toEqual(none);
  });
});
