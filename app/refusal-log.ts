import "server-only";
import type { CommandError } from "@/db/commands/errors";
import { getLogger } from "@/server/logger.mjs";

/**
 * One log line per refused command, wherever the refusal becomes an answer (API error JSON or
 * form state): its code, status and the paths of the refused fields with why (an issue code),
 * never the submitted values, which may be passwords or restricted text.
 */
export function logRefusal(error: CommandError): void {
  getLogger().info(
    {
      code: error.code,
      status: error.status,
      ...(error.issues.length
        ? { issues: error.issues.slice(0, 50).map(({ path, code }) => ({ path: path.slice(0, 200), code })) }
        : {}),
    },
    "command refused",
  );
}
