// The accounts e2e/prepare-db.ts creates; the admin comes from ADMIN_EMAIL in playwright.config.ts.
export const PASSWORD = "e2e-password-1234";

export const ACCOUNTS = {
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
  commissionerA: { email: "comisionada.a@e2e.test", password: PASSWORD },
  monitorA: { email: "monitor.a@e2e.test", password: PASSWORD },
  monitorB: { email: "monitor.b@e2e.test", password: PASSWORD },
} as const;
export type AccountName = keyof typeof ACCOUNTS;
