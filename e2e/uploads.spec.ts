import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { pageAs } from "./support";

// A tiny valid PNG (1×1) and things that only pretend to be photos.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(62), Buffer.from("PE\0\0"), Buffer.alloc(200)]);

async function commitmentIds(request: APIRequestContext) {
  const list = (await (await request.get("/api/v1/commitments?mesa=las-bambas&pageSize=100")).json()).data as {
    id: number;
    visibility: string;
  }[];
  return {
    publicId: list.find((c) => c.visibility === "public")!.id,
    restrictedId: list.find((c) => c.visibility === "restricted")!.id,
  };
}

function post(request: APIRequestContext, id: number, file: { name: string; mimeType: string; buffer: Buffer }) {
  return request.post(`/api/v1/commitments/${id}/evidence`, {
    multipart: { observedOn: "2026-03-01", kind: "photo", summary: `Prueba ${file.name}`, files: file },
  });
}

test("uploads are typed by content, limited to 20 MB, and stored once", async ({ browser }) => {
  const monitor = await pageAs(browser, "monitorA");
  const { publicId } = await commitmentIds(monitor.request);

  const fake = await post(monitor.request, publicId, { name: "foto.jpg", mimeType: "image/jpeg", buffer: EXE });
  expect(fake.status()).toBe(415);
  expect((await fake.json()).error.issues[0].path).toBe("files.0");

  const big = Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024)]);
  expect(
    (await post(monitor.request, publicId, { name: "grande.png", mimeType: "image/png", buffer: big })).status(),
  ).toBe(413);

  const first = await post(monitor.request, publicId, { name: "canal.png", mimeType: "image/png", buffer: PNG });
  expect(first.status()).toBe(201);
  const second = await post(monitor.request, publicId, { name: "canal-2.png", mimeType: "image/png", buffer: PNG });
  const [a, b] = [await first.json(), await second.json()];
  expect(a.files[0].sha256).toBe(b.files[0].sha256);

  const served = await monitor.request.get(`/files/${a.files[0].sha256}`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  // A neutral download name: the uploader's own file name may say who or where they are.
  expect(served.headers()["content-disposition"]).toBe(
    `inline; filename="evidencia-${a.files[0].sha256.slice(0, 12)}.png"`,
  );
  // The served bytes are the ones the hash names (photos are published without their metadata).
  expect(
    createHash("sha256")
      .update(await served.body())
      .digest("hex"),
  ).toBe(a.files[0].sha256);
});

test("only staff of a mesa may submit there, and unreviewed or restricted files stay with them", async ({
  browser,
  request,
}) => {
  const monitorA = await pageAs(browser, "monitorA");
  const monitorB = await pageAs(browser, "monitorB");
  const { publicId, restrictedId } = await commitmentIds(monitorA.request);
  // Distinct images (not just distinct bytes: photos are re-encoded without metadata).
  let colour = 0;
  const png = async (name: string) => ({
    name,
    mimeType: "image/png",
    buffer: await sharp({
      create: {
        width: 3,
        height: 3,
        channels: 3,
        background: { r: (colour += 37) % 256, g: name.length * 9, b: Date.now() % 256 },
      },
    })
      .png()
      .toBuffer(),
  });

  expect((await post(monitorB.request, publicId, await png("b.png"))).status()).toBe(403);
  expect((await post(request, publicId, await png("anon.png"))).status()).toBe(401);

  const unreviewed = (await (await post(monitorA.request, publicId, await png("pendiente.png"))).json()).files[0]
    .sha256;
  const restricted = (await (await post(monitorA.request, restrictedId, await png("reservado.png"))).json()).files[0]
    .sha256;
  for (const sha of [unreviewed, restricted]) {
    expect((await monitorA.request.get(`/files/${sha}`)).status()).toBe(200);
    expect((await monitorB.request.get(`/files/${sha}`)).status()).toBe(404);
    expect((await request.get(`/files/${sha}`)).status()).toBe(404);
  }
});
