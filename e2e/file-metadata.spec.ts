import { expect, test } from "@playwright/test";
import { jpegWithGps, pdfWithMetadata } from "../db/testing/metadata-fixtures";
import { commitmentOnLasBambas, pageAs } from "./support";

// Issue 11, item 5: the reviewer sees what a file still carries before accepting (and so
// publishing) it; the public never sees that list.

test("the review queue and the commitment page warn staff that a PDF's photo carries a GPS position", async ({
  browser,
}) => {
  // Four accounts sign in (argon2 each): more than the default 30 s on a loaded machine.
  test.setTimeout(90_000);
  const { id } = await commitmentOnLasBambas(browser, { title: `Acta con metadatos ${Date.now()}` });
  const summary = `Acta escaneada con foto ${Date.now()}`;
  const monitor = await pageAs(browser, "monitorA");
  const sent = await monitor.request.post(`/api/v1/commitments/${id}/evidence`, {
    multipart: {
      observedOn: "2026-03-01",
      kind: "document",
      summary,
      files: { name: "acta.pdf", mimeType: "application/pdf", buffer: await pdfWithMetadata(await jpegWithGps()) },
    },
  });
  expect(sent.status()).toBe(201);
  await monitor.context().close();

  const commissioner = await pageAs(browser, "commissionerA");
  await commissioner.goto("/review");
  const item = commissioner.getByRole("article").filter({ hasText: summary });
  const warning = item.getByRole("note");
  await expect(warning).toContainText("Este PDF contiene:");
  await expect(warning.getByRole("listitem")).toHaveText([
    "coordenadas GPS -13.94000, -72.30000 en una imagen",
    "cámara «Apple iPhone 12» en una imagen",
  ]);
  // The author was removed at upload, so it is not listed.
  await expect(warning).not.toContainText("Rosa Condori");

  await commissioner.goto(`/commitments/${id}`);
  await expect(commissioner.getByTestId("evidence-timeline").getByRole("note")).toContainText(
    "coordenadas GPS -13.94000, -72.30000 en una imagen",
  );

  await commissioner.goto("/review");
  const again = commissioner.getByRole("article").filter({ hasText: summary });
  await again.getByRole("radio", { name: "Aceptar" }).check();
  await again.getByRole("button", { name: "Guardar revisión" }).click();
  await expect(commissioner.getByText("Evidencia aceptada.")).toBeVisible();
  await commissioner.context().close();

  const visitor = await pageAs(browser, "anonymous");
  await visitor.goto(`/commitments/${id}`);
  const timeline = visitor.getByTestId("evidence-timeline");
  await expect(timeline).toContainText(summary);
  await expect(timeline.getByRole("note")).toHaveCount(0);
  await expect(timeline).not.toContainText("coordenadas GPS");
});
