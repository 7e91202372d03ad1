import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { AccountName } from "./accounts";

// Every page of the site, by who looks at it: e2e/narrow-screens.spec.ts and
// e2e/accessibility.spec.ts walk these lists, so a new page (an embed, a dashboard) is one line
// here. `{mesa}`, `{commitment}`, `{party}` and `{meeting}` are filled in by `pagesFor` from the
// demo data; `{mesa}` is the mesa the e2e commissioner and monitor A work on (e2e/prepare-db.ts).

export const PUBLIC_PAGES = [
  "/",
  "/?mview=table",
  "/?mview=table&sort=rate",
  "/mesas/{mesa}",
  "/mesas/{mesa}?party={party}&theme={theme}",
  "/mesas/espinar?overdue=true",
  "/commitments/{commitment}",
  "/parties/{party}",
  "/login",
  "/login?next=%2Fmonitor",
  "/mesas/no-existe", // the 404 page
  "/?party={party}&theme={theme}&asOf=2025-06-30&since=2025-01-01", // a dashboard's view
  "/parties/{party}?since=2025-01-01",
  "/mesas/{mesa}?asOf=2025-06-30&since=2024-06-30",
  "/embed/mesas/{mesa}",
  "/embed/parties/{party}",
  "/embed/charts/status-by-mesa?theme={theme}",
  "/map",
  "/embed/map",
  "/data",
  "/subscribe",
  "/subscribe?mesa={mesa}",
  "/subscribe/confirm/not-a-token",
];

export const MONITOR_PAGES = [
  "/monitor",
  "/monitor?commitment={commitment}",
  "/account/tokens",
  "/account/notifications",
  "/commitments/{commitment}",
  "/review", // a monitor gets the 403 page
  "/reports/{mesa}", // and here too
];

export const COMMISSIONER_PAGES = [
  "/review",
  "/monitor",
  "/account/tokens",
  "/mesas/{mesa}",
  "/commitments/{commitment}",
  "/mesas/{mesa}/edit",
  "/mesas/{mesa}/commitments/new",
  "/mesas/{mesa}/meetings/new",
  "/mesas/{mesa}/meetings/{meeting}/edit",
  "/commitments/{commitment}/edit",
  "/reports",
  "/reports/{mesa}",
  "/reports/{mesa}?from=2024-01-01&to=2025-06-30",
  "/reports/{mesa}?from=2025-06-30&to=2025-01-01", // a period it cannot report
  "/mesas/{mesa}/import",
];

export const ADMIN_PAGES = [
  "/admin/users",
  "/admin/parties",
  "/admin/audit",
  "/admin/mesas/new",
  "/review",
  "/reports",
  "/monitor?commitment={commitment}",
  "/account/tokens",
  "/mesas/{mesa}/edit",
  "/parties/{party}",
];

export const STAFF_PAGES: [AccountName, string[]][] = [
  ["monitorA", MONITOR_PAGES],
  ["commissionerA", COMMISSIONER_PAGES],
  ["admin", ADMIN_PAGES],
];

type Listed = { id: number; status: string; theme: string; responsibleParties: { slug: string; lead: boolean }[] };

/**
 * The real ids behind the placeholders, found through the public JSON API: an open commitment of
 * the mesa (so that it is on the monitor's work list and has a status form), preferably one with
 * evidence, its lead party and theme, and one of the mesa's meetings.
 */
async function idsFor(request: APIRequestContext) {
  const mesa = "las-bambas";
  const list = (await (await request.get(`/api/v1/commitments?mesa=${mesa}&pageSize=100`)).json()).data as Listed[];
  const open = list.filter((c) => ["pending", "in_progress", "partial"].includes(c.status));
  let commitment = open[0];
  for (const c of open) {
    const detail = await (await request.get(`/api/v1/commitments/${c.id}`)).json();
    if (detail.evidence.length > 0) {
      commitment = c;
      break;
    }
  }
  const meetings = (await (await request.get(`/api/v1/mesas/${mesa}`)).json()).meetings as { number: number }[];
  const party = commitment.responsibleParties.find((p) => p.lead) ?? commitment.responsibleParties[0];
  return {
    mesa,
    commitment: String(commitment.id),
    party: party.slug,
    theme: commitment.theme,
    meeting: String(meetings[0].number),
  };
}

/** The paths with their placeholders filled in. */
export async function pagesFor(request: APIRequestContext, paths: string[]) {
  const ids = await idsFor(request);
  return paths.map((path) => path.replace(/\{(\w+)\}/g, (_, key: keyof typeof ids) => ids[key]));
}

/** Opens the path and checks it was not sent elsewhere (e.g. to /login by a lost session). */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  expect(new URL(page.url()).pathname, `${path} was redirected`).toBe(new URL(path, page.url()).pathname);
}
