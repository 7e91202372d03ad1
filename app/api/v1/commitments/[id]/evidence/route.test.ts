import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/db/access";
import { makeCommitment, makeMesa, makeParty, makeUser } from "@/db/testing/fixtures";
import { POST } from "./route";

// The route with a small budget (two submissions an hour) and a signed-in monitor of the mesa.
const session = vi.hoisted(() => ({ viewer: null as Viewer }));
vi.mock("@/db/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("@/db/upload-budget", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/upload-budget")>();
  return { ...actual, evidenceUploads: actual.uploadBudget({ submissions: 2, bytes: 1e9, windowMs: 3600_000 }) };
});

let commitmentId: number;
beforeAll(() => {
  const mesa = makeMesa("budget");
  commitmentId = makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id] }).id;
  const user = makeUser("monitor");
  session.viewer = { userId: user.id, name: user.name, role: "monitor", mesaIds: [mesa.id] };
});

function post(summary: string) {
  const form = new FormData();
  form.set("observedOn", "2026-03-01");
  form.set("kind", "document");
  form.set("summary", summary);
  const request = new Request(`http://localhost/api/v1/commitments/${commitmentId}/evidence`, {
    method: "POST",
    body: form,
  });
  return POST(request, { params: Promise.resolve({ id: String(commitmentId) }) });
}

describe("POST /commitments/{id}/evidence", () => {
  it("answers 429 with Retry-After once a user has sent their hour's budget", async () => {
    expect((await post("Primera")).status).toBe(201);
    expect((await post("Segunda")).status).toBe(201);
    const refused = await post("Tercera");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect((await refused.json()).error.code).toBe("too_many_uploads");
  });
});
