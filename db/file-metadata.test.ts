import fs from "node:fs";
import { createHash } from "node:crypto";
import { PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "./access";
import { reviewEvidence } from "./commands/review";
import { evidenceTarget, submitEvidence } from "./commands/evidence";
import { getCommitment } from "./queries/commitment-detail";
import { listEvidenceToReview } from "./queries/review";
import { makeCommitment, makeMesa, makeParty, makeUser } from "./testing/fixtures";
import { jpegWithGps, m4aWithLocation, mp3WithTags, pdfWithMetadata } from "./testing/metadata-fixtures";
import { receiveMultipart, storedPath } from "./uploads";

// Issue 11, item 5: PDFs and audio kept their metadata (author, GPS in embedded photos, iPhone
// location atoms) and became public on acceptance.

let monitor: NonNullable<Viewer>;
let commissioner: NonNullable<Viewer>;
let mesaId: number;
let photo: Buffer;

const viewer = (role: "monitor" | "commissioner", mesaIds: number[]): NonNullable<Viewer> => {
  const user = makeUser(role);
  return { userId: user.id, name: user.name, role, mesaIds };
};

beforeAll(async () => {
  mesaId = makeMesa("mesa-meta").id;
  monitor = viewer("monitor", [mesaId]);
  commissioner = viewer("commissioner", [mesaId]);
  photo = await jpegWithGps();
});

/** Evidence with one file, as the API receives it, on a fresh commitment. */
async function submitFile(name: string, type: string, body: Buffer) {
  const commitmentId = makeCommitment({ mesaId, partyIds: [makeParty().id] }).id;
  const form = new FormData();
  form.set("observedOn", "2026-03-01");
  form.set("kind", "document");
  form.set("summary", `Evidencia ${name}`);
  form.append("files", new Blob([new Uint8Array(body)], { type }), name);
  const request = new Request("http://localhost/upload", { method: "POST", body: form });
  const submitted = await submitEvidence(evidenceTarget(monitor, commitmentId), await receiveMultipart(request), null);
  return { commitmentId, evidenceId: submitted.id, file: submitted.files[0] };
}

/** What the review queue shows of the file of one piece of evidence. */
function queuedFile(evidenceId: number) {
  const item = listEvidenceToReview(commissioner).items.find((i) => i.id === evidenceId);
  return item!.files[0];
}

describe("PDF metadata", () => {
  it("stores a PDF without its author, software and XMP, hashed as stored, its page and photo intact", async () => {
    const { file } = await submitFile("acta.pdf", "application/pdf", await pdfWithMetadata(photo));
    const stored = fs.readFileSync(storedPath(file.sha256));
    expect(createHash("sha256").update(stored).digest("hex")).toBe(file.sha256);
    for (const text of ["Rosa Condori", "Escaner Municipal", "Acta de la visita", "xmpmeta"]) {
      expect(stored.includes(text)).toBe(false);
    }
    const doc = await PDFDocument.load(stored, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.catalog.has(PDFName.of("Metadata"))).toBe(false);
    // The embedded photo is the same JPEG, byte for byte.
    expect(stored.includes(photo)).toBe(true);
  });

  it("shows the reviewer what remains: the position and camera in an embedded photo", async () => {
    const { evidenceId } = await submitFile("acta-foto.pdf", "application/pdf", await pdfWithMetadata(photo));
    expect(queuedFile(evidenceId).metadata).toEqual([
      { type: "gps", value: "-13.94000, -72.30000", in: "image" },
      { type: "field", field: "camera", value: "Apple iPhone 12", in: "image" },
    ]);
  });

  it("keeps a signed PDF byte for byte (a rewrite would void the signature) and lists its metadata", async () => {
    const signed = await pdfWithMetadata(photo, { signed: true });
    const { evidenceId, file } = await submitFile("firmado.pdf", "application/pdf", signed);
    expect(fs.readFileSync(storedPath(file.sha256)).equals(signed)).toBe(true);
    expect(queuedFile(evidenceId).metadata).toEqual(
      expect.arrayContaining([
        { type: "kept", reason: "signed" },
        { type: "field", field: "author", value: "Rosa Condori", in: "file" },
        { type: "field", field: "creator", value: "Escaner Municipal 3000", in: "file" },
        { type: "xmp", in: "file" },
        { type: "gps", value: "-13.94000, -72.30000", in: "image" },
      ]),
    );
  });

  it("says when a PDF could not be read, and keeps it as sent", async () => {
    const broken = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const { evidenceId, file } = await submitFile("roto.pdf", "application/pdf", broken);
    expect(fs.readFileSync(storedPath(file.sha256)).equals(broken)).toBe(true);
    expect(queuedFile(evidenceId).metadata).toEqual([{ type: "kept", reason: "unreadable" }]);
  });
});

describe("audio metadata", () => {
  it("lists an MP3's ID3 tags for the reviewer", async () => {
    const { evidenceId, file } = await submitFile("asamblea.mp3", "audio/mpeg", mp3WithTags());
    expect(file.mimeType).toBe("audio/mpeg");
    expect(queuedFile(evidenceId).metadata).toEqual([
      { type: "field", field: "title", value: "Asamblea en Chila", in: "file" },
      { type: "field", field: "artist", value: "Juana Huillca", in: "file" },
      { type: "field", field: "comment", value: "Grabado en la plaza", in: "file" },
    ]);
  });

  it("lists where an iPhone recorded an M4A (its ©xyz atom), and its title", async () => {
    const { evidenceId, file } = await submitFile("nota.m4a", "audio/mp4", m4aWithLocation());
    expect(file.mimeType).toBe("audio/mp4");
    expect(queuedFile(evidenceId).metadata).toEqual(
      expect.arrayContaining([
        { type: "gps", value: "-13.94000, -72.30000", in: "file" },
        { type: "field", field: "title", value: "Reunión en Fuerabamba", in: "file" },
      ]),
    );
  });
});

describe("who sees the findings", () => {
  it("staff of the mesa on the commitment's page; the public, once accepted, sees the file but not them", async () => {
    const { commitmentId, evidenceId } = await submitFile("audio.mp3", "audio/mpeg", mp3WithTags());
    const staffFile = getCommitment(commissioner, commitmentId)!.evidence[0].files[0];
    expect(staffFile.metadata).toContainEqual({ type: "field", field: "artist", value: "Juana Huillca", in: "file" });
    reviewEvidence(commissioner, evidenceId, { decision: "accepted" });
    const publicFile = getCommitment(null, commitmentId)!.evidence[0].files[0];
    expect(publicFile).not.toHaveProperty("metadata");
  });
});
