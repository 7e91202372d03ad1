import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("filtering a mesa's commitments to overdue keeps the filter in the URL across a reload", async ({ page }) => {
  await page.goto("/mesas/las-bambas");
  const rows = page.getByTestId("commitment-row");
  const allCount = await rows.count();
  expect(allCount).toBeGreaterThan(0);

  await page.getByLabel("Solo vencidos").check();
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/[?&]overdue=true/);

  const checkAllOverdue = async () => {
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(rows.nth(i).getByText("Vencido", { exact: true })).toBeVisible();
  };
  await checkAllOverdue();
  // Rows that are not overdue are gone.
  await expect(
    page.getByRole("table", { name: /Compromisos de la mesa/ }).getByText("Cumplido", { exact: true }),
  ).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("Solo vencidos")).toBeChecked();
  await expect(page).toHaveURL(/[?&]overdue=true/);
  await checkAllOverdue();
});

test("status and text filters combine and can be cleared", async ({ page, request }) => {
  const api = await (await request.get("/api/v1/commitments?mesa=las-bambas&status=fulfilled")).json();
  await page.goto("/mesas/las-bambas?status=fulfilled");
  await expect(page.getByRole("search", { name: "Filtrar compromisos" }).getByLabel("Estado")).toHaveValue("fulfilled");
  await expect(page.getByTestId("commitment-row")).toHaveCount(Math.min(api.total, 20));

  await page.getByRole("link", { name: "Quitar filtros" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByRole("search", { name: "Filtrar compromisos" }).getByLabel("Estado")).toHaveValue("");
});

test("the commitments on screen download as CSV, every page of them", async ({ page, request }) => {
  const api = await (await request.get("/api/v1/commitments?mesa=las-bambas&status=pending")).json();
  await page.goto("/mesas/las-bambas?status=pending");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Descargar estos compromisos/ }).click(),
  ]);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n");
  expect(lines[0]).toBe(
    "id,mesa,code,title,theme,responsible_parties,lead_party,made_on,due_on,status,overdue,evidence_count,last_change_on,recurrence,ends_on,url",
  );
  expect(lines).toHaveLength(api.total + 1);
  expect(lines.slice(1).every((line) => line.includes(",pending,"))).toBe(true);
});
