import { expect, test } from "@playwright/test";

type Listed = { id: number; code: string; title: string };

test("a commitment page shows its text, parties, evidence and history", async ({ page, request }) => {
  // Find, through the public API, a commitment with accepted evidence and a status change.
  const list = (await (await request.get("/api/v1/commitments?pageSize=100")).json()).data as Listed[];
  let chosen:
    | {
        id: number;
        code: string;
        responsibleParties: { name: string }[];
        evidence: { summary: string }[];
        history: { reason: string }[];
      }
    | undefined;
  for (const item of list) {
    const detail = await (await request.get(`/api/v1/commitments/${item.id}`)).json();
    if (detail.evidence.length > 0 && detail.history.length > 1) {
      chosen = detail;
      break;
    }
  }
  expect(chosen, "the demo set has a commitment with evidence and history").toBeDefined();

  await page.goto(`/commitments/${chosen!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(chosen!.code);
  await expect(page.getByRole("heading", { name: "Texto del acta" })).toBeVisible();
  for (const party of chosen!.responsibleParties) {
    await expect(page.getByRole("link", { name: party.name, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("evidence-timeline")).toContainText(chosen!.evidence[0].summary);
  const history = page.getByTestId("status-history");
  await expect(history.getByRole("row")).toHaveCount(chosen!.history.length + 1);
  await expect(history).toContainText(chosen!.history.at(-1)!.reason);
});
