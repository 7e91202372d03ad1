import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("the data page is linked from every page and lists the downloads, whose links answer CSV", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Datos abiertos y API" }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datos abiertos y API");
  await expect(page.getByRole("link", { name: /CC BY 4\.0/ })).toHaveAttribute("rel", "license");

  const downloads = page.getByRole("table", { name: "Descargas y novedades por mesa" });
  await expect(downloads.getByRole("link", { name: "Todas las mesas: JSON" })).toHaveAttribute(
    "href",
    "/api/v1/commitments.json",
  );
  await expect(downloads.getByRole("link", { name: /Cotabambas: Novedades \(Atom\)/ })).toHaveAttribute(
    "href",
    "/mesas/las-bambas/feed.xml",
  );
  await expect(page.getByRole("link", { name: "Todas las mesas (feed.xml)" })).toHaveAttribute("href", "/feed.xml");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    downloads.getByRole("link", { name: /Cotabambas: CSV/ }).click(),
  ]);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\n");
  const api = await (await request.get("/api/v1/commitments?mesa=las-bambas")).json();
  expect(lines[0]).toMatch(/^id,mesa,code,title,/);
  expect(lines).toHaveLength(api.total + 1);

  const chart = await request.get(
    (await page.getByRole("link", { name: "Tasa de cumplimiento por mes (CSV)" }).getAttribute("href"))!,
  );
  expect(chart.headers()["content-type"]).toBe("text/csv; charset=utf-8");
});

test("the API documentation lists each operation with its parameters, from the OpenAPI document", async ({
  page,
  request,
}) => {
  await page.goto("/data");
  const list = page.getByRole("article", { name: "GET /api/v1/commitments", exact: true });
  await expect(list).toContainText("Lista de compromisos, por páginas");
  const status = list
    .getByRole("table", { name: "Parámetros de GET /api/v1/commitments" })
    .getByRole("row", { name: /^status/ });
  await expect(status).toContainText("consulta");
  await expect(status).toContainText("uno de: pending, in_progress, partial, fulfilled, broken, superseded");

  // Every operation of the document is on the page.
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} /api/v1${path}`),
  );
  await expect(page.getByRole("article")).toHaveCount(operations.length);
  for (const name of operations) await expect(page.getByRole("article", { name, exact: true })).toHaveCount(1);
});
