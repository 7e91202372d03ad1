import { describe, expect, it } from "vitest";
import { bearerToken } from "./access";

describe("bearerToken", () => {
  it("reads an API token only from the Bearer scheme", () => {
    expect(bearerToken("Bearer mm_abc")).toBe("mm_abc");
    expect(bearerToken("bearer  mm_abc")).toBe("mm_abc");
    // The credentials a browser repeats behind a password-protected proxy are not an API token.
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
