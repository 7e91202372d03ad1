import pino from "pino";
import { currentRequest } from "./request-context.mjs";

// Structured logs: one JSON object per line on stdout (README, "Logs"). The custom server and
// the app's bundle each load this module, so the one logger lives on globalThis: two writers
// on the same file descriptor could interleave their lines.

const KEY = Symbol.for("mesa-monitor.logger");

/**
 * A logger writing JSON lines to `destination` (stdout by default). Header values that carry
 * credentials are replaced wherever a caller passes headers by mistake.
 * @param {pino.DestinationStream} [destination]
 * @param {string} [level]
 * @returns {pino.Logger}
 */
export function createLogger(
  destination = pino.destination({ dest: 1, sync: true }),
  level = process.env.LOG_LEVEL || "info",
) {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Lines written while handling a request carry its id, to find its request line.
      mixin: () => {
        const request = currentRequest();
        return request ? { reqId: request.id } : {};
      },
      redact: {
        paths: [
          "headers.authorization",
          "headers.cookie",
          'headers["set-cookie"]',
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "password",
          "*.password",
          "token",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/** @returns {pino.Logger} */
export function getLogger() {
  const slot = /** @type {Record<symbol, pino.Logger | undefined>} */ (globalThis);
  return (slot[KEY] ??= createLogger());
}

/**
 * Makes `logger` the one everything writes to (tests capture lines this way).
 * @param {pino.Logger} logger
 */
export function setLogger(logger) {
  /** @type {Record<symbol, pino.Logger>} */ (globalThis)[KEY] = logger;
}
