import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BUILD_SOURCES } from "./build-sources.mjs";

// Files that are not part of the production build: tests, tooling configuration, migrations
// (read at run time) and the start scripts themselves.
const NOT_BUILT = [
  /\.test\.tsx?$/,
  /^e2e\//,
  /^bench\//,
  /^drizzle\//,
  /^db\/testing\//,
  /^\.ci\//,
  /^(eslint|vitest|playwright|drizzle)\.config\.m?ts$/,
  /^eslint\.config\.mjs$/,
  /^vitest\.config\.mts$/,
  /^\.prettierrc\.json$/,
  /^package\.json$/,
];

describe("npm start's rebuild check", () => {
  it("watches every file the build is made from", () => {
    const tracked = execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n");
    const built = tracked.filter(
      (file) => /\.(tsx?|mjs|js|css|json)$/.test(file) && !NOT_BUILT.some((pattern) => pattern.test(file)),
    );
    const unwatched = built.filter(
      (file) => !BUILD_SOURCES.some((source) => file === source || file.startsWith(`${source}/`)),
    );
    expect(unwatched).toEqual([]);
    expect(built.length).toBeGreaterThan(50);
  });
});
