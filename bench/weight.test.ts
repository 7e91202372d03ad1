import { describe, expect, it } from "vitest";
import { scriptUrls } from "./weight";

describe("scriptUrls", () => {
  it("lists the scripts a current browser loads, once each, and skips nomodule polyfills", () => {
    const html = `<link rel="modulepreload" href="/_next/a.js"/><script src="/_next/a.js" async=""></script>
      <script src="/_next/polyfills.js" noModule="" nonce="x"></script><script src="/_next/b.js?v=1&amp;w=2"></script>`;
    expect(scriptUrls(html, "http://localhost:3300/")).toEqual([
      "http://localhost:3300/_next/a.js",
      "http://localhost:3300/_next/b.js?v=1&w=2",
    ]);
  });
});
