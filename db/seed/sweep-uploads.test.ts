import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sweepTemporaryUploads } from "./sweep-uploads";

describe("sweeping temporary uploads at start", () => {
  it("removes only files older than an hour, and copes with no folder", async () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-"));
    expect(await sweepTemporaryUploads(uploads)).toBe(0);
    const tmp = path.join(uploads, "tmp");
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(tmp, "old"), "x");
    fs.writeFileSync(path.join(tmp, "fresh"), "y");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(path.join(tmp, "old"), twoHoursAgo, twoHoursAgo);
    expect(await sweepTemporaryUploads(uploads)).toBe(1);
    expect(fs.readdirSync(tmp)).toEqual(["fresh"]);
    fs.rmSync(uploads, { recursive: true, force: true });
  });
});
