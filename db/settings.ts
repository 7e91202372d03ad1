import { eq } from "drizzle-orm";
import type { Db } from "./connection";
import { appSettings } from "./schema";

export const DEMO_SETTING = "demo_loaded";

export function demoLoaded(db: Db): boolean {
  return db.select().from(appSettings).where(eq(appSettings.key, DEMO_SETTING)).get()?.value === "true";
}
