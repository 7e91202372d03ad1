import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger, getLogger, setLogger } from "./logger.mjs";
import { currentRequest, noteRequestUser } from "./request-context.mjs";
import { withRequestContext } from "./request-log.mjs";

// The custom server's wrapper around Next's handler (server/serve.mjs), here around a stand-in
// that answers with the address the app would see.

const lines: Record<string, unknown>[] = [];
const raw: string[] = [];
const original = getLogger();

function stand(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.url?.startsWith("/boom")) throw new Error("handler exploded");
  noteRequestUser(7);
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ address: currentRequest()?.address }));
}

async function serve(trustProxy: boolean) {
  const server = http.createServer(withRequestContext(stand, { trustProxy }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The log line of the request, once its response has closed. */
async function requestLine() {
  await expect.poll(() => lines.some((line) => line.msg === "request")).toBe(true);
  return lines.find((line) => line.msg === "request")!;
}

beforeAll(() =>
  setLogger(
    createLogger(
      {
        write: (line: string) => {
          raw.push(line);
          lines.push(JSON.parse(line));
        },
      },
      "info",
    ),
  ),
);
afterEach(() => void (lines.length = raw.length = 0));
afterAll(() => setLogger(original));

describe("the custom server's request handling", () => {
  it("gives the app the socket address, not a forged X-Forwarded-For, when TRUST_PROXY is unset", async () => {
    const server = await serve(false);
    const response = await fetch(`${server.base}/api/v1/mesas`, { headers: { "x-forwarded-for": "6.6.6.6" } });
    expect(await response.json()).toEqual({ address: "127.0.0.1" });
    await server.close();
  });

  it("gives the app the proxy's X-Forwarded-For entry when TRUST_PROXY=true", async () => {
    const server = await serve(true);
    const response = await fetch(`${server.base}/`, { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.7" } });
    expect(await response.json()).toEqual({ address: "198.51.100.7" });
    await server.close();
  });

  it("writes one line per request: method, path, parameter names, status, duration, user and address; no secrets", async () => {
    const server = await serve(false);
    await fetch(`${server.base}/api/v1/commitments?token=SECRET-TOKEN&mesa=las-bambas&mesa=x`, {
      headers: { authorization: "Bearer mm_SECRET-BEARER", cookie: "authjs.session-token=SECRET-COOKIE" },
    });
    const line = await requestLine();
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      path: "/api/v1/commitments",
      query: ["token", "mesa"],
      status: 200,
      userId: 7,
      address: "127.0.0.1",
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.reqId).toEqual(expect.any(String));
    expect(raw.filter((text) => text.includes('"msg":"request"'))).toHaveLength(1);
    expect(raw.join("")).not.toMatch(/SECRET|las-bambas/);
    await server.close();
  });

  it("does not log the secret of an e-mailed confirm or unsubscribe link", async () => {
    const server = await serve(false);
    await fetch(`${server.base}/subscribe/unsubscribe/SECRET-LINK-TOKEN/one-click`, { method: "POST" });
    expect(await requestLine()).toMatchObject({ path: "/subscribe/unsubscribe/:token/one-click" });
    expect(raw.join("")).not.toMatch(/SECRET/);
    await server.close();
  });

  it("answers 500 to a handler that throws, and logs the error with its stack", async () => {
    const server = await serve(false);
    expect((await fetch(`${server.base}/boom`)).status).toBe(500);
    const line = await requestLine();
    expect(line).toMatchObject({ level: "error", status: 500, path: "/boom" });
    const failure = lines.find((entry) => entry.msg === "request failed") as { err: { stack: string }; reqId: string };
    expect(failure.err.stack).toContain("handler exploded");
    expect(failure.reqId).toBe(line.reqId);
    await server.close();
  });
});
