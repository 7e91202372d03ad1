import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's address (CONTRACT §3): the socket's, unless the operator says a reverse proxy
 * stands in front (`TRUST_PROXY=true`); then the X-Forwarded-For entry that proxy appended,
 * the last one. Earlier entries, and the whole header without a proxy, are whatever the client
 * chose to send.
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean }} input
 * @returns {string}
 */
export function clientAddress({ socketAddress, forwardedFor, trustProxy }) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const fromProxy = trustProxy ? header?.split(",").at(-1)?.trim() : undefined;
  return normalizeAddress(fromProxy ?? "") || normalizeAddress(socketAddress ?? "") || "unknown";
}

/**
 * One spelling per address: IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a dual-stack socket shows
 * an IPv4 client) becomes plain IPv4; anything that is not an address at all becomes "".
 * @param {string} address
 * @returns {string}
 */
export function normalizeAddress(address) {
  const plain = address.replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain)) return plain.toLowerCase();
  return "";
}
