import "server-only";
import { headers } from "next/headers";

/**
 * This site's public origin, for code that other sites paste (the embed snippet): `AUTH_URL`'s
 * when set (the address the site is published at), else the Host the reader used. Forwarded
 * headers count only behind a proxy (`TRUST_PROXY=true`, CONTRACT §3).
 */
export async function siteOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  const proxied = process.env.TRUST_PROXY === "true";
  const host = (proxied && h.get("x-forwarded-host")) || h.get("host") || "localhost";
  const proto = (proxied && h.get("x-forwarded-proto")) || (host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}
