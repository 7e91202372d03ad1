import { randomUUID } from "node:crypto";
import { clientAddress } from "./client-address.mjs";
import { getLogger } from "./logger.mjs";
import { runAsRequest } from "./request-context.mjs";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */

/**
 * Wraps a request handler (Next's) so that each request runs with its trusted client address
 * and an id (server/request-context.mjs), and leaves one log line when its response ends.
 * @param {(req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown} handle
 * @param {{ trustProxy: boolean }} options
 * @returns {(req: IncomingMessage, res: ServerResponse) => Promise<void>}
 */
export function withRequestContext(handle, { trustProxy }) {
  return async (req, res) => {
    const started = process.hrtime.bigint();
    /** @type {import("./request-context.mjs").RequestContext} */
    const context = {
      id: randomUUID(),
      address: clientAddress({
        socketAddress: req.socket.remoteAddress,
        forwardedFor: req.headers["x-forwarded-for"],
        trustProxy,
      }),
    };
    res.on("close", () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      logRequest(req, res, context, durationMs);
    });
    try {
      await runAsRequest(context, () => handle(req, res));
    } catch (error) {
      getLogger().error({ reqId: context.id, err: error }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  };
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {import("./request-context.mjs").RequestContext} context
 * @param {number} durationMs
 */
function logRequest(req, res, context, durationMs) {
  const { path, query } = describeUrl(req.url ?? "/");
  const line = {
    reqId: context.id,
    method: req.method,
    path,
    // Parameter names only: a value may be a secret (a token in a link) or personal.
    ...(query.length ? { query } : {}),
    status: res.statusCode,
    durationMs,
    ...(context.userId ? { userId: context.userId } : {}),
    address: context.address,
    ...(res.writableFinished ? {} : { aborted: true }),
  };
  const logger = getLogger();
  if (res.statusCode >= 500) logger.error(line, "request");
  // Build assets accompany every page view; they are logged only at LOG_LEVEL=debug.
  else if (path.startsWith("/_next/static/")) logger.debug(line, "request");
  else logger.info(line, "request");
}

/**
 * The path and the names of the query parameters of a request target, each bounded in length.
 * @param {string} target
 * @returns {{ path: string, query: string[] }}
 */
export function describeUrl(target) {
  try {
    const url = new URL(target, "http://server.invalid");
    const query = [...new Set(url.searchParams.keys())].slice(0, 20).map((name) => name.slice(0, 64));
    return { path: withoutSecrets(url.pathname).slice(0, 512), query };
  } catch {
    return { path: "(unparseable)", query: [] };
  }
}

/**
 * A path with the secret of an e-mailed link (confirm or unsubscribe) replaced: whoever reads the
 * logs must not be able to confirm or end someone's subscription.
 * @param {string} path
 */
export function withoutSecrets(path) {
  return path.replace(/^(\/subscribe\/(?:confirm|unsubscribe)\/)[^/]+/, "$1:token");
}
