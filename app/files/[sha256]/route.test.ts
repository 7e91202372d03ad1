import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createToken } from "@/db/commands/tokens";
import { evidenceFiles, files, userMesas } from "@/db/schema";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "@/db/testing/fixtures";
import { storedPath } from "@/db/uploads";
import { viewerForUser } from "@/db/viewers";
import { GET } from "./route";

// /files/{sha} as a script sees it: the request's headers, no browser session.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => current.headers }));
vi.mock("@/auth", () => ({ auth: async () => null }));

let sha: string;
let token: string;

beforeAll(async () => {
  const mesa = makeMesa();
  const party = makeParty();
  const restricted = makeCommitment({ mesaId: mesa.id, partyIds: [party.id], visibility: "restricted" });
  const monitor = makeUser("monitor");
  getDb().insert(userMesas).values({ userId: monitor.id, mesaId: mesa.id }).run();
  const content = Buffer.from("%PDF-1.4 acta reservada");
  sha = createHash("sha256").update(content).digest("hex");
  await fs.promises.mkdir(path.dirname(storedPath(sha)), { recursive: true });
  await fs.promises.writeFile(storedPath(sha), content);
  getDb().insert(files).values({ sha256: sha, mimeType: "application/pdf", sizeBytes: content.length }).run();
  const item = makeEvidence(restricted.id, monitor.id, "accepted");
  getDb().insert(evidenceFiles).values({ evidenceId: item.id, sha256: sha, originalName: "acta.pdf" }).run();
  token = createToken(viewerForUser(monitor.id), { name: "script" }).token;
});

async function download(authorization?: string): Promise<Response> {
  current.headers = new Headers(authorization ? { authorization } : {});
  return GET(new Request(`http://localhost/files/${sha}`), { params: Promise.resolve({ sha256: sha }) });
}

describe("GET /files/{sha}", () => {
  it("serves a restricted evidence file to a script whose token's user may see it", async () => {
    const response = await download(`Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("%PDF-1.4 acta reservada");
  });

  it("answers 404 to the public, so the hash reveals nothing", async () => {
    expect((await download()).status).toBe(404);
  });

  it("refuses an unknown token with 401 rather than reading it as the public", async () => {
    expect((await download("Bearer mm_not-a-real-token")).status).toBe(401);
  });
});
