// The production server behind `npm start` (started by db/seed/start.mjs once the app is built
// and the database prepared). It is Next's own request handler (the documented custom server,
// https://nextjs.org/docs/app/guides/custom-server) with one thing `next start` cannot do: tell
// the app the client's real address, which route handlers never see. Each request runs with
// that address and its log line (server/request-log.mjs).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getLogger } from "./logger.mjs";
import { withRequestContext } from "./request-log.mjs";

process.env.NODE_ENV ||= "production";
// Next must not read NODE_ENV before it is set, hence the late import.
const { default: next } = await import("next");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT || 3000);
const trustProxy = process.env.TRUST_PROXY === "true";
const logger = getLogger();

const app = next({ dev: false, dir: root, port });
await app.prepare();
const server = http.createServer(withRequestContext(app.getRequestHandler(), { trustProxy }));

server.on("error", (error) => {
  logger.fatal({ err: error }, "server failed");
  process.exit(1);
});
server.listen(port, () => logger.info({ port, trustProxy }, `listening on http://localhost:${port}`));

let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    // Finish the requests under way, then let Next clean up; give up after ten seconds.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  });
}
