import { describe, expect, it } from "vitest";
import { jobLimit } from "./job-limit";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("jobLimit", () => {
  it("runs at most `max` tasks at once, the others in order as slots free up", async () => {
    const limit = jobLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limit.waiting).toBe(2);
    gates[1].resolve();
    expect(await runs[1]).toBe(1);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve();
    gates[2].resolve();
    gates[3].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(limit.waiting).toBe(0);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = jobLimit(1);
    await expect(limit(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await limit(async () => "next")).toBe("next");
  });
});
