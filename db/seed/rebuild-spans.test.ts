import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { todayIn } from "../rules";
import { loadDemo } from "./demo";
import { rebuildStatusSpans } from "./rebuild-spans";

const spans = () =>
  getDb().$client.prepare("SELECT * FROM status_spans ORDER BY commitment_id, from_at, status, to_at").all();

describe("rebuildStatusSpans", () => {
  it("rebuilds from history exactly what the triggers kept", async () => {
    await loadDemo(getDb(), todayIn("America/Lima"));
    const kept = spans();
    expect(kept.length).toBeGreaterThan(60);
    getDb().$client.prepare("DELETE FROM status_spans WHERE rowid % 3 = 0").run();
    expect(spans()).not.toEqual(kept);
    expect(rebuildStatusSpans(getDb())).toBe(kept.length);
    expect(spans()).toEqual(kept);
  });
});
