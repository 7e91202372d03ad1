import type { Instrumentation } from "next";

/**
 * Errors Next.js caught while rendering a page or running a route handler or Server Action:
 * one log line each, with the stack (README, "Logs"). The request's headers are left out, since
 * they carry cookies and tokens, and so is its query string.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getLogger } = await import("./server/logger.mjs");
  getLogger().error(
    {
      err: error,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request error",
  );
};
