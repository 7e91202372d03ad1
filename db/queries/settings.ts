import "server-only";
import { getDb } from "../client";
import { demoLoaded } from "../settings";

/** Whether the illustrative demo set is loaded (every page then shows a notice). */
export function isDemoLoaded(): boolean {
  return demoLoaded(getDb());
}
