import fs from "node:fs";
import { Readable } from "node:stream";
import { findReadableFile } from "@/db/queries/files";
import { getViewer } from "@/db/session";
import { previewPath, storedPath } from "@/db/uploads";

// A stored file, to those entitled to it (db/queries/files.ts); anyone else gets a 404, so a
// hash reveals nothing. `?preview=1` serves an image's small preview when there is one.

export async function GET(request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const { sha256 } = await params;
  const file = /^[0-9a-f]{64}$/.test(sha256) ? findReadableFile(await getViewer(), sha256) : null;
  if (!file) return new Response("Not found", { status: 404 });

  const wantsPreview = new URL(request.url).searchParams.get("preview") === "1";
  const preview = wantsPreview && fs.existsSync(previewPath(sha256));
  const filePath = preview ? previewPath(sha256) : storedPath(sha256);
  if (!fs.existsSync(filePath)) return new Response("Not found", { status: 404 });

  const inline = file.mimeType.startsWith("image/") || file.mimeType.startsWith("audio/");
  const body = Readable.toWeb(fs.createReadStream(filePath)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": preview ? "image/webp" : file.mimeType,
      "Content-Length": String(fs.statSync(filePath).size),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
      // Content-addressed, so it never changes; private because access depends on the viewer.
      "Cache-Control": "private, max-age=86400, immutable",
    },
  });
}
