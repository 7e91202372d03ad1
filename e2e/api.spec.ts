import { expect, test } from "@playwright/test";

test("the read API answers as the contract says", async ({ request }) => {
  const mesas = await (await request.get("/api/v1/mesas")).json();
  expect(mesas.data.map((m: { slug: string }) => m.slug).sort()).toEqual(["espinar", "las-bambas", "quellaveco"]);
  expect(Object.keys(mesas.data[0].counts).sort()).toEqual(
    ["broken", "fulfilled", "in_progress", "overdue", "partial", "pending", "superseded"].sort(),
  );

  const list = await (await request.get("/api/v1/commitments?mesa=espinar&overdue=true&pageSize=5")).json();
  expect(list.page).toBe(1);
  expect(list.pageSize).toBe(5);
  expect(list.total).toBeGreaterThan(0);
  for (const c of list.data) {
    expect(c).toMatchObject({ mesa: "espinar", overdue: true, visibility: "public" });
    expect(c.responsibleParties.filter((p: { lead: boolean }) => p.lead)).toHaveLength(1);
  }

  const stats = await (await request.get("/api/v1/stats")).json();
  const sum = (field: string) =>
    mesas.data.reduce((n: number, m: { counts: Record<string, number> }) => n + m.counts[field], 0);
  expect(stats.overdue).toBe(sum("overdue"));
  expect(stats.counts.broken).toBe(sum("broken"));
  expect(stats.byMonth).toHaveLength(12);
  expect(Object.keys(stats.quality).sort()).toEqual([
    "staleOpen",
    "total",
    "withoutAcceptedEvidence",
    "withoutDeadline",
  ]);
  expect(stats.quality.total).toBe(Object.values(stats.counts as Record<string, number>).reduce((a, b) => a + b, 0));

  const party = await (await request.get(`/api/v1/parties/${stats.byParty[0].slug}`)).json();
  expect(party.slug).toBe(stats.byParty[0].slug);
  expect(party.mesas.length).toBeGreaterThan(0);
});

test("a bad API parameter gets a 400 JSON error naming it, never a 500", async ({ request }) => {
  const cases: [string, string][] = [
    ["/api/v1/commitments?status=lost", "status"],
    ["/api/v1/commitments?page=0", "page"],
    ["/api/v1/commitments?pageSize=1000", "pageSize"],
    ["/api/v1/commitments?overdue=yes", "overdue"],
    ["/api/v1/stats?asOf=2025-13-45", "asOf"],
    ["/api/v1/mesas?asOf=yesterday", "asOf"],
    ["/api/v1/commitments/abc", "id"],
    ["/api/v1/stats?mesa=no-existe", "mesa"],
    ["/api/v1/commitments?party=nadie", "party"],
    ["/api/v1/changes", "from"],
    ["/api/v1/changes?from=2025-05-02&to=2025-05-01", "to"],
    ["/api/v1/changes?from=2025-01-01&mesa=no-existe", "mesa"],
    ["/api/v1/changes?from=2999-01-01", "from"],
  ];
  for (const [url, param] of cases) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_parameters");
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain(param);
  }
  expect((await request.get("/api/v1/mesas/no-existe")).status()).toBe(404);
  expect((await request.get("/api/v1/commitments/999999")).status()).toBe(404);
});

test("search folds accents and treats its input as words, never as syntax", async ({ request }) => {
  // The demo's ES-03 is spelled "Plan de aprovechamiento hídrico de Espinar".
  const plain = await (await request.get("/api/v1/commitments?q=hidrico")).json();
  expect(plain.data.map((c: { code: string; title: string }) => [c.code, c.title])).toEqual([
    ["ES-03", "Plan de aprovechamiento hídrico de Espinar"],
  ]);
  const accented = await (await request.get(`/api/v1/commitments?q=${encodeURIComponent("HÍDRICO espi")}`)).json();
  expect(accented.data.map((c: { code: string }) => c.code)).toEqual(["ES-03"]);

  const hostile = await request.get(`/api/v1/commitments?q=${encodeURIComponent('"NEAR( a OR -x: *')}`);
  expect(hostile.status()).toBe(200);
  expect((await hostile.json()).data).toEqual(expect.any(Array));
});

test("the overview and each mesa page point feed readers at their Atom feed", async ({ page, request }) => {
  const feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await page.goto("/mesas/espinar");
  // The mesa's own feed, and the site's.
  const hrefs = await feeds.evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(hrefs.sort()).toEqual(["/feed.xml", "/mesas/espinar/feed.xml"]);
  const feed = await request.get("/mesas/espinar/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  await page.goto("/");
  await expect(feeds).toHaveAttribute("href", "/feed.xml");
  expect((await request.get("/feed.xml")).status()).toBe(200);
});
