import type { Messages } from "@/i18n/messages/es";

/** The messages a dashboard shows: what a server page passes to the client component. */
export type DashboardLabels = Pick<
  Messages,
  "dashboard" | "quality" | "status" | "overdue" | "common" | "theme" | "periods"
>;

export function dashboardLabels(m: Messages): DashboardLabels {
  const { dashboard, quality, status, overdue, common, theme, periods } = m;
  return { dashboard, quality, status, overdue, common, theme, periods };
}
