import fs from "node:fs";
import { Readable } from "node:stream";
import type { Viewer } from "@/db/access";
import { CommandError } from "@/db/commands/errors";
import { neutralFileName } from "@/db/queries/evidence";
import { findReadableFile } from "@/db/queries/files";
import { getViewer } from "@/db/session";
import { previewPath, storedPath } from "@/db/uploads";

// A stored file, to those entitled to it (db/queries/files.ts); anyone else gets a 404, so a
// hash reveals nothing. `?preview=1` serves an image's small preview when there is one. Scripts
// download with their API token like on the API; a refused token is a 401, never the public.

export async function GET(request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const { sha256 } = await params;
  let viewer: Viewer;
  try {
    viewer = await getViewer();
  } catch (error) {
    if (error instanceof CommandError) return plain(error.status, error.message);
    throw error;
  }
  const file = /^[0-9a-f]{64}$/.test(sha256) ? findReadableFile(viewer, sha256) : null;
  if (!file) return notFound();

  const preview = new URL(request.url).searchParams.get("preview") === "1";
  const [filePath, mimeType] = preview ? [previewPath(sha256), "image/webp"] : [storedPath(sha256), file.mimeType];
  const handle = await fs.promises.open(filePath).catch(() => null);
  if (!handle) return preview ? Response.redirect(new URL(`/files/${sha256}`, request.url), 302) : notFound();
  const { size } = await handle.stat();

  const name = neutralFileName(sha256, mimeType, preview ? "-vista" : "");
  const inline = mimeType.startsWith("image/") || mimeType.startsWith("audio/");
  const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": mimeType,
      "Content-Length": String(size),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      // Access can change (evidence rejected, a user unassigned): revalidate every time.
      "Cache-Control": "private, no-cache",
      ETag: `"${sha256}${preview ? "-preview" : ""}"`,
    },
  });
}

function notFound() {
  return plain(404, "Not found");
}

function plain(status: number, text: string) {
  return new Response(text, { status, headers: { "X-Content-Type-Options": "nosniff" } });
}
