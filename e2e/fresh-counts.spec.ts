import { expect, test, type Page } from "@playwright/test";
import { commitmentOnLasBambas, pageAs, signIn } from "./support";

// Server state the browser keeps fresh (TanStack Query): the review queue's count and the
// monitor's list change in the open page, without a reload.

/** Marks the document: the mark is gone if the page reloads. */
async function markDocument(page: Page) {
  await page.evaluate(() => document.documentElement.setAttribute("data-e2e-same-document", ""));
}
const sameDocument = (page: Page) => page.locator("html[data-e2e-same-document]");

test("the review queue's count follows a review and new evidence without a reload", async ({ page, browser }) => {
  const { id } = await commitmentOnLasBambas(browser);
  const monitor = await pageAs(browser, "monitorA");
  const send = async (summary: string) => {
    const response = await monitor.request.post(`/api/v1/commitments/${id}/evidence`, {
      multipart: { observedOn: "2026-03-01", kind: "document", summary },
    });
    expect(response.status()).toBe(201);
  };
  const summary = `Acta por revisar ${Date.now()}`;
  await send(summary);

  // The counter refetches every minute: the test moves the page's clock rather than wait.
  await page.clock.install();
  await signIn(page, "commissionerA");
  await page.goto("/review");
  const count = page.getByText(/^Por revisar: \d+$/);
  const waiting = Number((await count.textContent())!.replace(/\D/g, ""));
  expect(waiting).toBeGreaterThan(0);
  // The newest evidence is on the queue's last page.
  await page.goto(`/review?page=${Math.ceil(waiting / 20)}`);
  await markDocument(page);

  const item = page.getByRole("article").filter({ hasText: summary });
  await item.getByRole("radio", { name: "Rechazar" }).check();
  await item.getByLabel("Nota de revisión").fill("La foto no muestra la obra.");
  await item.getByRole("button", { name: "Guardar revisión" }).click();
  await expect(page.getByText("Evidencia rechazada.")).toBeVisible();
  await expect(count).toHaveText(`Por revisar: ${waiting - 1}`);
  await expect(page.getByRole("button", { name: "Actualizar la lista" })).toHaveCount(0);

  // A monitor sends two more while the commissioner reads: the next refetch counts them.
  await send(`Segunda acta ${Date.now()}`);
  await send(`Tercera acta ${Date.now()}`);
  await expect(count).toHaveText(`Por revisar: ${waiting - 1}`);
  await page.clock.fastForward("01:01");
  await expect(count).toHaveText(`Por revisar: ${waiting + 1}`);
  await page.getByRole("button", { name: "Actualizar la lista" }).click();
  await expect(page.getByRole("button", { name: "Actualizar la lista" })).toHaveCount(0);
  await expect(count).toHaveText(`Por revisar: ${waiting + 1}`);
  await expect(sameDocument(page)).toHaveCount(1);
  await monitor.context().close();
});

test("a monitor's list shows the state of the evidence just sent, without a reload", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const title = `Pozo de agua e2e ${Date.now()}`;
  // Overdue for decades: first in the list.
  await commitmentOnLasBambas(page.context().browser()!, { title, madeOn: "2001-01-15", dueOn: "2001-06-30" });

  await signIn(page, "monitorA");
  await page.goto("/monitor");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText("Aún sin evidencia registrada");
  await markDocument(page);

  await card.getByRole("link", { name: "Registrar evidencia" }).click();
  await page.getByLabel("Qué se observó").fill(`El pozo ya da agua ${Date.now()}`);
  await page.getByRole("button", { name: "Enviar evidencia" }).click();
  await expect(page.getByText("Evidencia enviada. La comisión la revisará.")).toBeVisible();
  await expect(card).toContainText(/Última evidencia: Por revisar, enviada el \d+ \S+ \d{4}/);
  await expect(sameDocument(page)).toHaveCount(1);
  // The cards are rendered in the browser from the server's data: the same text on both sides.
  expect(errors.filter((e) => /hydrat|#418|#425/i.test(e))).toEqual([]);
});
