import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_SERVER_FAILURES, type EvidenceFields, type SendOutcome } from "./evidence-rules";
import type { QueuedEvidence, Refusal } from "./outbox-store";

// The outbox's decisions, with IndexedDB and the network replaced by stand-ins.

const fake = vi.hoisted(() => ({
  items: new Map<string, QueuedEvidence>(),
  refused: new Map<string, Refusal>(),
  session: "ok" as "ok" | "network" | "signIn" | "otherUser",
  answers: [] as SendOutcome[],
  sent: [] as QueuedEvidence[],
}));

vi.mock("./outbox-store", () => ({
  notify: () => {},
  changed: () => {},
  subscribe: () => () => {},
  queuedItems: async (userId: number) => [...fake.items.values()].filter((i) => i.userId === userId),
  refusals: async (userId: number) => [...fake.refused.values()].filter((r) => r.userId === userId),
  storedItem: async (key: string) => fake.items.get(key),
  storedRefusal: async (key: string) => fake.refused.get(key),
  queue: async (item: QueuedEvidence) => {
    fake.refused.delete(item.key);
    fake.items.set(item.key, item);
  },
  countAttempt: async (key: string) => {
    const item = fake.items.get(key);
    if (!item) return null;
    fake.items.set(key, { ...item, attempts: item.attempts + 1 });
    return fake.items.get(key);
  },
  updateItem: async (key: string, patch: Partial<QueuedEvidence>) => {
    const item = fake.items.get(key);
    if (item) fake.items.set(key, { ...item, ...patch });
  },
  removeItem: async (key: string) => void fake.items.delete(key),
  setAside: async (item: QueuedEvidence, why: Pick<Refusal, "errors" | "problem">) => {
    fake.items.delete(item.key);
    fake.refused.set(item.key, { ...item, ...why, refusedAt: "now" });
  },
  requeue: async (key: string) => {
    const refusal = fake.refused.get(key);
    if (!refusal) return null;
    fake.refused.delete(key);
    const { errors: _e, problem: _p, refusedAt: _r, ...item } = refusal;
    fake.items.set(key, { ...item, serverFailures: 0 });
    return fake.items.get(key);
  },
  deleteRefusal: async (key: string) => void fake.refused.delete(key),
}));

vi.mock("./outbox-network", () => ({
  checkSession: async () => fake.session,
  send: async (item: QueuedEvidence) => {
    fake.sent.push(item);
    return fake.answers.shift() ?? { kind: "kept", reason: "network" };
  },
}));

const { flush, onDelivered, outboxStatus, retryRefusal, submitEvidence } = await import("./outbox");

const fields: EvidenceFields = {
  period: "",
  observedOn: "2026-03-01",
  kind: "photo",
  summary: "La planta ya opera.",
  sourceUrl: "",
  suggestedStatus: "",
};
const photo = new File([new Uint8Array([1, 2, 3])], "planta.png", { type: "image/png" });
const queued = (key: string): QueuedEvidence => ({
  key,
  userId: 1,
  commitmentId: 7,
  label: "LB-07",
  fields,
  files: [{ name: "planta.png", type: "image/png", blob: photo }],
  createdAt: new Date().toISOString(),
  attempts: 0,
});
const serverError: SendOutcome = { kind: "kept", reason: "server" };

beforeEach(() => {
  fake.items.clear();
  fake.refused.clear();
  fake.session = "ok";
  fake.answers = [];
  fake.sent = [];
  vi.stubGlobal("navigator", { onLine: true });
});

describe("the outbox", () => {
  it("sets a refused submission aside whole, files included, with no form waiting for it", async () => {
    fake.items.set("a", queued("a"));
    fake.answers = [{ kind: "refused", problem: "form", errors: { "files.0": ["file_type"] } }];
    await flush(1);
    expect(fake.items.size).toBe(0);
    expect(fake.refused.get("a")).toMatchObject({
      key: "a",
      fields,
      files: [{ name: "planta.png", blob: photo }],
      errors: { "files.0": ["file_type"] },
      problem: "form",
    });
  });

  it("stops retrying after MAX_SERVER_FAILURES answers that are not the API's, until asked again", async () => {
    fake.items.set("a", queued("a"));
    fake.answers = Array(MAX_SERVER_FAILURES).fill(serverError);
    for (let i = 1; i < MAX_SERVER_FAILURES; i++) await flush(1);
    expect(fake.items.get("a")).toMatchObject({ serverFailures: MAX_SERVER_FAILURES - 1 });
    await flush(1);
    expect(fake.items.size).toBe(0);
    expect(fake.refused.get("a")).toMatchObject({ problem: "server", errors: {}, fields });

    fake.answers = [{ kind: "sent", evidence: { id: 1, commitmentId: 7 } }];
    await retryRefusal("a", 1);
    expect(fake.refused.size).toBe(0);
    expect(fake.items.size).toBe(0);
    expect(fake.sent.map((item) => item.key)).toEqual(Array(MAX_SERVER_FAILURES + 1).fill("a"));
  });

  it("keeps retrying, however many times, while the server asks to slow down (429)", async () => {
    fake.items.set("a", queued("a"));
    fake.answers = Array(MAX_SERVER_FAILURES * 2).fill({ kind: "kept", reason: "busy" });
    for (let i = 0; i < MAX_SERVER_FAILURES * 2; i++) await flush(1);
    expect(fake.items.get("a")).toMatchObject({ attempts: MAX_SERVER_FAILURES * 2 });
    expect(fake.refused.size).toBe(0);
  });

  it("keeps retrying for as long as the network is missing", async () => {
    fake.items.set("a", queued("a"));
    for (let i = 0; i < MAX_SERVER_FAILURES * 3; i++) await flush(1);
    expect(fake.items.get("a")).toMatchObject({ attempts: MAX_SERVER_FAILURES * 3 });
    expect(fake.refused.size).toBe(0);
  });

  it("resends a corrected refusal under its own key, replacing it", async () => {
    fake.refused.set("a", { ...queued("a"), errors: { summary: ["required"] }, problem: "form", refusedAt: "now" });
    fake.answers = [{ kind: "sent", evidence: { id: 1, commitmentId: 7 } }];
    const outcome = await submitEvidence({ key: "a", userId: 1, commitmentId: 7, label: "LB-07", fields, files: [] });
    expect(outcome).toEqual({ kind: "sent" });
    expect(fake.sent.map((item) => item.key)).toEqual(["a"]);
    expect(fake.refused.size + fake.items.size).toBe(0);
  });

  it("tells the form about a refusal, which stays stored in case the form goes", async () => {
    fake.answers = [{ kind: "refused", problem: "form", errors: { summary: ["too_long"] } }];
    const outcome = await submitEvidence({ userId: 1, commitmentId: 7, label: "LB-07", fields, files: [photo] });
    expect(outcome).toEqual({ kind: "refused", problem: "form", errors: { summary: ["too_long"] } });
    expect([...fake.refused.values()]).toMatchObject([{ files: [{ name: "planta.png" }] }]);
  });

  it("sends nothing under another account's session, nor with none", async () => {
    fake.items.set("a", queued("a"));
    fake.session = "otherUser";
    await flush(1);
    expect(outboxStatus()).toMatchObject({ otherSession: true, needsSignIn: false });
    fake.session = "signIn";
    const outcome = await submitEvidence({ userId: 1, commitmentId: 7, label: "LB-07", fields, files: [] });
    expect(outcome).toEqual({ kind: "kept", reason: "signIn" });
    expect(outboxStatus()).toMatchObject({ otherSession: false, needsSignIn: true });
    expect(fake.sent).toEqual([]);
    expect(fake.items.size).toBe(2);
  });

  it("tells its listeners of each delivery, not of what stays queued or is refused", async () => {
    const heard = vi.fn();
    const stop = onDelivered(heard);
    for (const key of ["a", "b", "c", "d"]) fake.items.set(key, queued(key));
    fake.answers = [
      { kind: "sent", evidence: { id: 1, commitmentId: 7 } },
      { kind: "refused", problem: "form", errors: { summary: ["too_long"] } },
      serverError,
      { kind: "sent", evidence: { id: 2, commitmentId: 7 } },
    ];
    await flush(1);
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    fake.answers = [{ kind: "sent", evidence: { id: 3, commitmentId: 7 } }];
    await flush(1);
    expect(fake.items.size).toBe(0);
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
