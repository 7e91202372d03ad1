import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sweepTemporaryUploads, sweepUnreferencedFiles } from "./sweep-uploads";

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

describe("sweeping stored files no row references", () => {
  const sha = (c: string) => c.repeat(64);
  function place(uploads: string, name: string, ageMs: number) {
    const file = path.join(uploads, name.slice(0, 2), name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "x");
    const when = new Date(Date.now() - ageMs);
    fs.utimesSync(file, when, when);
    return file;
  }

  it("removes an old orphan and its preview, keeps referenced files and recent orphans", async () => {
    const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-"));
    expect(await sweepUnreferencedFiles(uploads, () => false)).toBe(0);
    const twoHours = 2 * 3600_000;
    const orphan = place(uploads, sha("a"), twoHours);
    const orphanPreview = place(uploads, `${sha("a")}.preview.webp`, twoHours);
    const kept = place(uploads, sha("b"), twoHours);
    const keptPreview = place(uploads, `${sha("b")}.preview.webp`, twoHours);
    const unfinishedPreview = place(uploads, `${sha("b")}.preview.webp.0f3c`, twoHours);
    const recent = place(uploads, sha("c"), 60_000);
    const other = place(uploads, "notes.txt", twoHours);
    fs.mkdirSync(path.join(uploads, "tmp"));

    const referenced = new Set([sha("b")]);
    expect(await sweepUnreferencedFiles(uploads, (s) => referenced.has(s))).toBe(3);
    for (const gone of [orphan, orphanPreview, unfinishedPreview]) expect(fs.existsSync(gone)).toBe(false);
    for (const stays of [kept, keptPreview, recent, other]) expect(fs.existsSync(stays)).toBe(true);
    fs.rmSync(uploads, { recursive: true, force: true });
  });
});
