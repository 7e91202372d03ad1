import path from "node:path";

// The only place that reads the environment for file locations and time zone (CONTRACT §3).

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_URL ?? "./data/mesa-monitor.db");
}

export function appTimeZone(): string {
  return process.env.APP_TIMEZONE || "America/Lima";
}

/** Evidence files, stored under their SHA-256 (CONTRACT §3). */
export function uploadsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR ?? "./data/uploads");
}

/** Without SMTP_URL, e-mails are written here as .eml files instead of sent (CONTRACT §3). */
export function outboxDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.OUTBOX_DIR ?? "./data/outbox");
}
