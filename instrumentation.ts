import type { Instrumentation } from "next";

/**
 * Errors Next.js caught while rendering a page or running a route handler or Server Action:
 * one log line each, with the stack (README, "Logs"). The request's headers are left out, since
 * they carry cookies and tokens, and so is its query string.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getLogger }, { withoutSecrets }] = await Promise.all([
    import("./server/logger.mjs"),
    import("./server/request-log.mjs"),
  ]);
  getLogger().error(
    {
      err: error,
      method: request.method,
      path: withoutSecrets(request.path.split("?")[0]),
      route: context.routePath,
      routeType: context.routeType,
    },
    "request error",
  );
};

// Next.js calls register() once when a server starts (CONTRACT §3: the server sends due e-mail
// itself). Not while building, and not when NOTIFY_SCHEDULE=off (a system cron runs notify:send).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.NOTIFY_SCHEDULE === "off") return;
  const { startNotifySchedule } = await import("./mail/schedule");
  startNotifySchedule();
}
