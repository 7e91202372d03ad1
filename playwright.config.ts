import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium: Playwright cannot download its own browsers on this network.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  // One server, one SQLite file: tests that write must not race each other.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL,
    locale: "es-PE",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh database with one account per role, then the README's start command.
    command: "rm -rf .e2e-data && node_modules/.bin/tsx e2e/prepare-db.ts && node db/seed/start.mjs",
    url: `${baseURL}/api/v1/mesas`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: ".e2e-data/e2e.db",
      UPLOADS_DIR: ".e2e-data/uploads",
      // No SMTP_URL: e-mails are written here as .eml files, which e2e/subscribe.spec.ts reads.
      OUTBOX_DIR: ".e2e-data/outbox",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      ADMIN_EMAIL: "admin@e2e.test",
      ADMIN_PASSWORD: "e2e-admin-password",
      // A JSON line per request would bury the test report; LOG_LEVEL=info shows them.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
