import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { uploadsDir } from "../config";
import { auditLog, commitments, evidence, evidenceFiles, files } from "../schema";
import { makeCommitment, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { refusal, refusalOf } from "../testing/refusal";
import { imageJobs } from "../images";
import { MAX_FILE_BYTES, receiveMultipart, storeFile, storedPath } from "../uploads";
import { evidenceTarget, submitEvidence } from "./evidence";

let jpeg: Buffer;
const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
// A Windows executable's first bytes, whatever its name claims.
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(200)]);

let monitorA: Viewer;
let monitorB: Viewer;
let commitmentA: number;

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();
  const mesaA = makeMesa("mesa-a").id;
  const mesaB = makeMesa("mesa-b").id;
  commitmentA = makeCommitment({ mesaId: mesaA, partyIds: [makeParty().id] }).id;
  const viewer = (mesaIds: number[]): Viewer => {
    const user = makeUser("monitor");
    return { userId: user.id, name: user.name, role: "monitor", mesaIds };
  };
  monitorA = viewer([mesaA]);
  monitorB = viewer([mesaB]);
});

function upload(parts: { name: string; type: string; body: Buffer }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  const defaults = { observedOn: "2026-03-01", kind: "photo", summary: "Obra iniciada en el canal" };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) form.set(key, value);
  for (const part of parts) form.append("files", new Blob([new Uint8Array(part.body)], { type: part.type }), part.name);
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

async function submit(viewer: Viewer, request: Request, key: string | null = null) {
  return submitEvidence(evidenceTarget(viewer, commitmentA), await receiveMultipart(request), key);
}

/** Rows and files on disk: a refusal must leave both as they were. */
function stored() {
  const db = getDb();
  const rows = [evidence, evidenceFiles, files, auditLog].map((t) => db.select({ n: count() }).from(t).get()!.n);
  const onDisk = fs.existsSync(uploadsDir())
    ? fs.readdirSync(uploadsDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
  return { rows, onDisk };
}

describe("evidence uploads", () => {
  it("accepts a real JPEG and PDF, stored under their SHA-256, with a preview for the photo", async () => {
    const result = await submit(
      monitorA,
      upload([
        { name: "canal.jpg", type: "image/jpeg", body: jpeg },
        { name: "acta.pdf", type: "application/pdf", body: pdf },
      ]),
    );
    expect(result.files.map((f) => [f.name, f.mimeType])).toEqual(
      expect.arrayContaining([
        ["canal.jpg", "image/jpeg"],
        ["acta.pdf", "application/pdf"],
      ]),
    );
    const photo = result.files.find((f) => f.mimeType === "image/jpeg")!;
    const published = fs.readFileSync(storedPath(photo.sha256));
    expect(createHash("sha256").update(published).digest("hex")).toBe(photo.sha256);
    expect((await sharp(published).metadata()).width).toBe(800);
    expect(fs.existsSync(`${storedPath(photo.sha256)}.preview.webp`)).toBe(true);
    expect(result.reviewState).toBe("submitted");
  });

  it("stores the same file uploaded twice only once", async () => {
    const before = stored();
    await submit(monitorA, upload([{ name: "otra-vez.jpg", type: "image/jpeg", body: jpeg }]));
    const after = stored();
    expect(after.rows[0]).toBe(before.rows[0] + 1); // a new evidence row
    expect(after.rows[2]).toBe(before.rows[2]); // no new file row
    expect(after.onDisk).toBe(before.onDisk); // no new file on disk
  });

  it("refuses an executable renamed .jpg with 415 and stores nothing", async () => {
    const before = stored();
    const error = await refusalOf(() =>
      submit(monitorA, upload([{ name: "foto.jpg", type: "image/jpeg", body: exe }])),
    );
    expect(error.status).toBe(415);
    expect(error.issues).toEqual([{ path: "files.0", code: "file_type" }]);
    expect(stored()).toEqual(before);
  });

  it("refuses a 21 MB file with 413 and stores nothing, not even the files sent with it", async () => {
    const before = stored();
    const big = Buffer.concat([jpeg, Buffer.alloc(21 * 1024 * 1024)]);
    const request = upload([
      { name: "ok.pdf", type: "application/pdf", body: Buffer.concat([pdf, Buffer.from("distinto")]) },
      { name: "grande.jpg", type: "image/jpeg", body: big },
    ]);
    const error = await refusalOf(() => submit(monitorA, request));
    expect(error.status).toBe(413);
    expect(stored()).toEqual(before);
  });

  it("refuses bad fields with 422 and stores nothing", async () => {
    const before = stored();
    const request = upload([{ name: "x.jpg", type: "image/jpeg", body: Buffer.concat([jpeg, Buffer.from("1")]) }], {
      observedOn: "ayer",
      kind: "rumor",
      summary: "",
      sourceUrl: "javascript:alert(1)",
    });
    const error = await refusalOf(() => submit(monitorA, request));
    expect(error.status).toBe(422);
    expect(error.issues.map((i) => i.path).sort()).toEqual(["kind", "observedOn", "sourceUrl", "summary"]);
    expect(stored()).toEqual(before);
  });

  it("stores a submission once per idempotency key, answering the first result again", async () => {
    const first = await submit(monitorA, upload([], { summary: "Reunión con la DIRESA" }), "key-1");
    const before = stored();
    const again = await submit(monitorA, upload([], { summary: "Reunión con la DIRESA" }), "key-1");
    expect(again).toEqual(first);
    expect(stored()).toEqual(before);
  });

  it("stores two simultaneous submissions with the same key once, keeping its file", async () => {
    const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#f00" } })
      .png()
      .toBuffer();
    const send = () =>
      submit(
        monitorA,
        upload([{ name: "doble.png", type: "image/png", body: photo }], { summary: "Doble envío" }),
        "k2",
      );
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.id).toBe(b.id);
    expect(fs.existsSync(storedPath(a.files[0].sha256))).toBe(true);
    const rows = getDb().select({ n: count() }).from(evidence).where(eq(evidence.idempotencyKey, "k2")).get()!.n;
    expect(rows).toBe(1);
  });

  it("refuses a key reused for another commitment", async () => {
    const other = makeCommitment({ mesaId: getDb().select().from(commitments).get()!.mesaId, partyIds: [] }).id;
    await submit(monitorA, upload([], { summary: "Primera" }), "k3");
    const error = await refusalOf(async () =>
      submitEvidence(evidenceTarget(monitorA, other), await receiveMultipart(upload([])), "k3"),
    );
    expect(error.status).toBe(422);
  });

  it("removes the photo's metadata (GPS, camera) before storing and hashing it", async () => {
    const withGps = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#00f" } })
      .jpeg()
      .withExif({ IFD0: { Make: "TelefonoX", Model: "Modelo secreto" } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif).toBeDefined();
    const result = await submit(monitorA, upload([{ name: "gps.jpg", type: "image/jpeg", body: withGps }]));
    const published = fs.readFileSync(storedPath(result.files[0].sha256));
    expect((await sharp(published).metadata()).exif).toBeUndefined();
    expect(published.includes(Buffer.from("Modelo secreto"))).toBe(false);
    expect(createHash("sha256").update(published).digest("hex")).toBe(result.files[0].sha256);
  });

  it("refuses more than ten files with 413, and a body without a boundary with 400", async () => {
    const before = stored();
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      name: `d${i}.pdf`,
      type: "application/pdf",
      body: Buffer.concat([pdf, Buffer.from(String(i))]),
    }));
    expect((await refusalOf(() => submit(monitorA, upload(eleven)))).status).toBe(413);
    const noBoundary = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "--x\r\n",
    });
    expect((await refusalOf(() => receiveMultipart(noBoundary))).status).toBe(400);
    expect(stored()).toEqual(before);
  });

  it("lets only staff of the commitment's mesa submit", () => {
    expect(refusal(() => evidenceTarget(null, commitmentA)).status).toBe(401);
    expect(refusal(() => evidenceTarget(monitorB, commitmentA)).status).toBe(403);
    expect(refusal(() => evidenceTarget(monitorA, 999999)).status).toBe(404);
  });

  it("leaves no temporary files behind", () => {
    const tmp = path.join(uploadsDir(), "tmp");
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });
});

/** The decoded pixels of an image (size, channels and a hash of the raw bytes), to compare encodings exactly. */
async function pixels(image: Buffer) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const hash = createHash("sha256").update(data).digest("hex");
  return { width: info.width, height: info.height, channels: info.channels, hash };
}

/** Random colours: every pixel its own, so any palette or lossy encoding changes them. */
function noise(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp(randomBytes(width * height * channels), { raw: { width, height, channels } });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 256-colour PNG of random noise: one byte a pixel, three once decoded to RGB. */
function palettePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, no filter method, no interlace
  const rows = randomBytes((width + 1) * height);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // each row: filter byte 0, then noise
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", randomBytes(256 * 3)),
    pngChunk("IDAT", zlib.deflateSync(rows, { level: 0 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("evidence photos: lossless kept, bounded work", () => {
  it("keeps every pixel of a PNG with many colours (no palette, no dithering)", async () => {
    const screenshot = await noise(300, 200, 4).png().toBuffer();
    const result = await submit(monitorA, upload([{ name: "acta.png", type: "image/png", body: screenshot }]));
    const published = fs.readFileSync(storedPath(result.files[0].sha256));
    expect((await sharp(published).metadata()).isPalette).toBe(false);
    expect(await pixels(published)).toEqual(await pixels(screenshot));
  });

  it("keeps a lossless WebP lossless", async () => {
    const lossless = await noise(200, 150).webp({ lossless: true }).toBuffer();
    const result = await submit(monitorA, upload([{ name: "captura.webp", type: "image/webp", body: lossless }]));
    const published = fs.readFileSync(storedPath(result.files[0].sha256));
    expect(await pixels(published)).toEqual(await pixels(lossless));
  });

  it("refuses with 413 naming the file a photo whose published copy would be over 20 MB", async () => {
    // Under 20 MB as sent (a palette: one byte a pixel), over it as published (three bytes a pixel).
    const scan = palettePng(3600, 3200);
    expect(scan.length).toBeLessThan(MAX_FILE_BYTES);
    const before = stored();
    const error = await refusalOf(() =>
      submit(
        monitorA,
        upload([
          { name: "ok.pdf", type: "application/pdf", body: Buffer.concat([pdf, Buffer.from("con escaneo")]) },
          { name: "escaneo.png", type: "image/png", body: scan },
        ]),
      ),
    );
    expect(error.status).toBe(413);
    expect(error.issues).toEqual([{ path: "files.1", code: "file_too_large" }]);
    expect(stored()).toEqual(before);
  }, 60_000);

  it("refuses with 413 naming the file an image declaring more pixels than allowed, without decoding it", async () => {
    // A few kilobytes that decode to 49 million pixels.
    const huge = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(huge.length).toBeLessThan(1024 * 1024);
    const before = stored();
    const error = await refusalOf(() =>
      submit(monitorA, upload([{ name: "enorme.png", type: "image/png", body: huge }])),
    );
    expect(error.status).toBe(413);
    expect(error.code).toBe("image_too_large");
    expect(error.issues).toEqual([{ path: "files.0", code: "image_too_large" }]);
    expect(stored()).toEqual(before);
  }, 60_000);

  it("re-encodes photos a few at a time: an upload waits for a free slot", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = Array.from({ length: 8 }, () => imageJobs(() => gate));
    await vi.waitFor(() => expect(imageJobs.waiting).toBeGreaterThan(0));
    const waitingBefore = imageJobs.waiting;
    let done = false;
    const photo = await noise(40, 30).jpeg().toBuffer();
    const received = receiveMultipart(upload([{ name: "espera.jpg", type: "image/jpeg", body: photo }])).then((r) => {
      done = true;
      return r;
    });
    await vi.waitFor(() => expect(imageJobs.waiting).toBe(waitingBefore + 1));
    expect(done).toBe(false);
    release();
    await Promise.all(busy);
    const { files: received1 } = await received;
    expect(received1).toHaveLength(1);
    fs.rmSync(received1[0].tempPath, { force: true });
  });
});

describe("stored files are durable and never removed by a failed submission", () => {
  it("keeps a stored file when the transaction that would reference it fails (a sweep removes orphans)", async () => {
    const photo = await noise(20, 20).png().toBuffer();
    const received = await receiveMultipart(upload([{ name: "huerfana.png", type: "image/png", body: photo }]));
    const sha = received.files[0].sha256;
    // A commitment that no longer exists: the insert fails on its foreign key.
    const gone = { viewer: monitorA as NonNullable<Viewer>, commitmentId: 987654, recurrence: null };
    await expect(submitEvidence(gone as never, received, null)).rejects.toThrow();
    // Another upload of the same content may have just referenced it: the file stays.
    expect(fs.existsSync(storedPath(sha))).toBe(true);
    expect(fs.existsSync(received.files[0].tempPath)).toBe(false);
  });

  it("flushes a new file and its folder to disk before it is referenced", async () => {
    const synced: string[] = [];
    const open = fs.promises.open;
    const spy = vi.spyOn(fs.promises, "open").mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        synced.push(String(args[0]));
        return sync();
      };
      return handle;
    });
    try {
      const body = Buffer.concat([pdf, Buffer.from("durable")]);
      const { files: received } = await receiveMultipart(
        upload([{ name: "durable.pdf", type: "application/pdf", body }]),
      );
      const { tempPath, sha256 } = received[0];
      expect(await storeFile(received[0])).toBe(true);
      const target = storedPath(sha256);
      expect(fs.readFileSync(target).equals(body)).toBe(true);
      // The bytes before the rename, then the directory holding the new name.
      expect(synced).toEqual(expect.arrayContaining([tempPath, path.dirname(target)]));
      expect(synced.indexOf(tempPath)).toBeLessThan(synced.indexOf(path.dirname(target)));
    } finally {
      spy.mockRestore();
    }
  });
});
