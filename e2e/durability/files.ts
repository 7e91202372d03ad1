// Small evidence files whose content differs every time (so each is stored anew), and one
// shared by every writer (so the same content arrives from several uploads at once).
import { randomBytes } from "node:crypto";
import PDFDocument from "pdfkit";
import sharp from "sharp";

export type Upload = { name: string; type: string; data: Buffer };

export function pdf(text: string): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A6", info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve({ name: "acta.pdf", type: "application/pdf", data: Buffer.concat(chunks) }));
    doc.on("error", reject);
    doc.text(text);
    doc.end();
  });
}

export async function photo(): Promise<Upload> {
  const [r, g, b] = randomBytes(3);
  const data = await sharp({
    create: {
      width: 24,
      height: 16,
      channels: 3,
      background: { r: r!, g: g!, b: b! },
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  return { name: "foto.png", type: "image/png", data };
}
