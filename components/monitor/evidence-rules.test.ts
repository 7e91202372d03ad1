import { describe, expect, it } from "vitest";
import {
  checkEvidence,
  classifyAnswer,
  firstErrorPath,
  MAX_FILE_BYTES,
  MAX_FILES,
  newIdempotencyKey,
  type EvidenceFields,
} from "./evidence-rules";

const fields = (overrides: Partial<EvidenceFields> = {}): EvidenceFields => ({
  observedOn: "2026-03-01",
  kind: "photo",
  summary: "La planta ya opera.",
  sourceUrl: "",
  suggestedStatus: "",
  period: "",
  ...overrides,
});
const kinds = ["photo", "document"];
const apiError = (issues?: { path: string; message: string }[]) => ({
  error: { code: "invalid_input", message: "Some fields are not valid.", ...(issues ? { issues } : {}) },
});

describe("checks before queueing", () => {
  it("accepts a complete submission", () => {
    expect(checkEvidence(fields(), [{ size: 10, type: "image/png" }], kinds)).toEqual({});
  });

  it("names every bad field with the code its message is under", () => {
    const found = checkEvidence(
      fields({ observedOn: "2026-02-30", kind: "rumour", summary: "   ", sourceUrl: "javascript:alert(1)" }),
      [
        { size: MAX_FILE_BYTES + 1, type: "image/jpeg" },
        { size: 10, type: "image/heic" },
        { size: 10, type: "audio/amr" },
        { size: 10, type: "" },
      ],
      kinds,
    );
    expect(found).toEqual({
      observedOn: ["invalid_date"],
      kind: ["invalid_choice"],
      summary: ["required"],
      sourceUrl: ["invalidUrl"],
      "files.0": ["file_too_large"],
      "files.1": ["file_type"],
    });
  });

  it("tells a missing value from a wrong one", () => {
    expect(checkEvidence(fields({ observedOn: "", kind: "" }), [], kinds)).toEqual({
      observedOn: ["required"],
      kind: ["required"],
    });
    expect(checkEvidence(fields({ summary: "x".repeat(2001) }), [], kinds)).toEqual({ summary: ["too_long"] });
  });

  it("takes at most as many files as the server reads", () => {
    const photo = { size: 10, type: "image/jpeg" };
    expect(checkEvidence(fields(), Array(MAX_FILES).fill(photo), kinds)).toEqual({});
    expect(checkEvidence(fields(), Array(MAX_FILES + 1).fill(photo), kinds)).toEqual({ files: ["tooManyFiles"] });
  });

  it("focuses the first field in error in the form's order, files last", () => {
    expect(firstErrorPath({ files: ["tooManyFiles"], "files.3": ["file_type"], sourceUrl: ["invalidUrl"] })).toBe(
      "sourceUrl",
    );
    expect(firstErrorPath({ files: ["file_type"], "files.10": ["file_type"], "files.2": ["file_type"] })).toBe(
      "files.2",
    );
    expect(firstErrorPath({ files: ["file_type"] })).toBe("files");
    expect(firstErrorPath({})).toBeNull();
  });
});

describe("what an answer means for the queue", () => {
  it("is sent only on a 2xx carrying the stored evidence", () => {
    expect(classifyAnswer(201, { id: 7, commitmentId: 3 }, fields())).toEqual({
      kind: "sent",
      evidence: { id: 7, commitmentId: 3 },
    });
    // A captive portal's page or a proxy's answer is not our API: keep the item.
    expect(classifyAnswer(200, null, fields())).toEqual({ kind: "kept", reason: "server" });
    expect(classifyAnswer(404, null, fields())).toEqual({ kind: "kept", reason: "server" });
  });

  it("keeps the item on 5xx, rate limits, conflicts and an expired session", () => {
    expect(classifyAnswer(503, apiError(), fields())).toMatchObject({ kind: "kept", reason: "server" });
    expect(classifyAnswer(429, apiError(), fields())).toMatchObject({ kind: "kept" });
    expect(classifyAnswer(409, apiError(), fields())).toMatchObject({ kind: "kept" });
    expect(classifyAnswer(401, apiError(), fields())).toEqual({ kind: "kept", reason: "signIn" });
  });

  it("maps a 422 to our own field errors by path and value, whatever the English message says", () => {
    const answer = apiError([
      { path: "summary", message: "The text is too long." },
      { path: "observedOn", message: "Enter a valid date (YYYY-MM-DD)." },
      { path: "sourceUrl", message: "Enter full web addresses (https://…), one per line." },
      { path: "suggestedStatus", message: "Choose one of the options." },
      { path: "somethingElse", message: "?" },
    ]);
    expect(classifyAnswer(422, answer, fields({ summary: "x".repeat(2001) }))).toEqual({
      kind: "refused",
      problem: "form",
      errors: {
        summary: ["too_long"],
        observedOn: ["invalid_date"],
        sourceUrl: ["invalidUrl"],
        suggestedStatus: ["invalid_choice"],
      },
    });
  });

  it("puts 413 and 415 on the file concerned, or on the files field", () => {
    expect(classifyAnswer(413, apiError([{ path: "files.1", message: "Too large." }]), fields())).toMatchObject({
      kind: "refused",
      errors: { "files.1": ["file_too_large"] },
    });
    expect(classifyAnswer(415, apiError(), fields())).toMatchObject({ errors: { files: ["file_type"] } });
  });

  it("says the image has too many pixels when that is why the server refused it", () => {
    const answer = {
      error: { code: "image_too_large", message: "Too many pixels.", issues: [{ path: "files.1", message: "?" }] },
    };
    expect(classifyAnswer(413, answer, fields())).toEqual({
      kind: "refused",
      problem: "form",
      errors: { "files.1": ["image_too_large"] },
    });
  });

  it("keeps the item, without counting a server failure, when the server says to slow down (429)", () => {
    const answer = { error: { code: "too_many_uploads", message: "Slow down." } };
    expect(classifyAnswer(429, answer, fields())).toEqual({ kind: "kept", reason: "busy" });
  });

  it("refuses for good on any 413 or 415, a proxy's HTML page included", () => {
    expect(classifyAnswer(413, null, fields())).toEqual({
      kind: "refused",
      problem: "form",
      errors: { files: ["file_too_large"] },
    });
    expect(classifyAnswer(415, null, fields())).toMatchObject({ kind: "refused", errors: { files: ["file_type"] } });
  });

  it("says so when there are more files than the server reads", () => {
    const answer = { error: { code: "too_many_files", message: "At most 10 files.", issues: [{ path: "files" }] } };
    expect(classifyAnswer(413, answer, fields())).toEqual({
      kind: "refused",
      problem: "form",
      errors: { files: ["tooManyFiles"] },
    });
  });

  it("refuses for good on 403 and 404, with a form-level reason", () => {
    expect(classifyAnswer(403, apiError(), fields())).toEqual({ kind: "refused", errors: {}, problem: "forbidden" });
    expect(classifyAnswer(404, apiError(), fields())).toEqual({ kind: "refused", errors: {}, problem: "notFound" });
  });
});

describe("idempotency keys", () => {
  it("are v4 UUIDs, also where crypto.randomUUID is missing (plain HTTP)", () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(v4);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(v4);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});

describe("limits shared with the server", () => {
  it("match db/uploads.ts, so the phone refuses exactly what the server would", async () => {
    const server = await import("@/db/uploads");
    expect([MAX_FILE_BYTES, MAX_FILES]).toEqual([server.MAX_FILE_BYTES, server.MAX_FILES]);
  });
});
