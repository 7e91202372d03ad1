import { AsyncLocalStorage } from "node:async_hooks";

// What the custom server (server/serve.mjs) knows about the request being handled: the client
// address it trusts, an id for the log lines, and the user once the app has resolved one.
// Next.js bundles the app's copy of this module separately from the server's, so the one
// AsyncLocalStorage lives on globalThis, where both copies find it.

/** @typedef {{ id: string, address: string, userId?: number }} RequestContext */

const KEY = Symbol.for("mesa-monitor.request-context");

/** @returns {AsyncLocalStorage<RequestContext>} */
function storage() {
  const slot = /** @type {Record<symbol, AsyncLocalStorage<RequestContext> | undefined>} */ (globalThis);
  return (slot[KEY] ??= new AsyncLocalStorage());
}

/**
 * Runs `handle` as the given request.
 * @template T
 * @param {RequestContext} context
 * @param {() => T} handle
 * @returns {T}
 */
export function runAsRequest(context, handle) {
  return storage().run(context, handle);
}

/**
 * The request being handled, when it came through the custom server (not in `next dev` or tests).
 * @returns {RequestContext | undefined}
 */
export function currentRequest() {
  return storage().getStore();
}

/**
 * Records who the request turned out to be, for its log line.
 * @param {number} userId
 */
export function noteRequestUser(userId) {
  const context = currentRequest();
  if (context) context.userId = userId;
}
