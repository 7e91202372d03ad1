import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { startServer } from "./server";

it("refuses a port another server already answers on, instead of measuring that server", async () => {
  const other = createServer((_, response) => response.end("someone else"));
  await new Promise<void>((resolve) => other.listen(0, resolve));
  const { port } = other.address() as AddressInfo;
  try {
    await expect(startServer(port, "unused.db")).rejects.toThrow(/port \d+ is in use/);
  } finally {
    other.close();
  }
});
