import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address.mjs";

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forwardedFor of ["6.6.6.6", "1.1.1.1, 6.6.6.6", undefined, ["6.6.6.6", "7.7.7.7"]]) {
      expect(clientAddress({ socketAddress: "::ffff:192.0.2.10", forwardedFor, trustProxy: false })).toBe("192.0.2.10");
    }
  });

  it("is the entry the trusted proxy appended (the last), not the ones the client sent before it", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7";
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor, trustProxy: true })).toBe("198.51.100.7");
    expect(
      clientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "2001:DB8::1"], trustProxy: true }),
    ).toBe("2001:db8::1");
  });

  it("falls back to the socket when the trusted proxy sent none or nonsense", () => {
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustProxy: true })).toBe("10.0.0.2");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "evil, <script>", trustProxy: true })).toBe(
      "10.0.0.2",
    );
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustProxy: false })).toBe("unknown");
  });

  it("has one spelling per address", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("[2001:DB8::5]")).toBe("2001:db8::5");
    expect(normalizeAddress("not an address")).toBe("");
  });
});
