import { describe, expect, it } from "vitest";
import { pageOf } from "./page-of";

describe("pageOf", () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it("cuts the requested page", () => {
    expect(pageOf(items, 1, 20)).toEqual({ rows: items.slice(0, 20), page: 1 });
    expect(pageOf(items, 3, 20)).toEqual({ rows: [41, 42, 43, 44, 45], page: 3 });
  });

  it("shows the last page for a page past the end, and page 1 of an empty list", () => {
    expect(pageOf(items, 9, 20).page).toBe(3);
    expect(pageOf([], 4, 20)).toEqual({ rows: [], page: 1 });
  });
});
