import { describe, expect, it } from "vitest";
import { viewOf, withView } from "./view";

describe("a dashboard's view in the URL", () => {
  it("reads its keys and drops bad values, as the server's lenient parse does", () => {
    expect(
      viewOf(new URLSearchParams("mesa=las-bambas&party=Bad Slug&theme=water&asOf=2025-06-30&since=ayer&q=x")),
    ).toEqual({ mesa: "las-bambas", party: undefined, theme: "water", asOf: "2025-06-30", since: undefined });
    expect(viewOf(new URLSearchParams("theme=weather")).theme).toBeUndefined();
  });

  it("replaces its keys in a query and keeps the others (the mesa list's, the commitments table's)", () => {
    expect(withView("?mq=bambas&party=old&asOf=2024-01-01", { party: "pcm", since: "2025-01-01" })).toBe(
      "?mq=bambas&party=pcm&since=2025-01-01",
    );
    expect(withView("?asOf=2024-01-01", {})).toBe("");
  });
});
