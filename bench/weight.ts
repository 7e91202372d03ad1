// First-load JavaScript of a page: every script the HTML asks for, gzipped, summed.
import { gzipSync } from "node:zlib";

/**
 * The script URLs a current browser loads for a page: `<script src>` and
 * `<link rel="modulepreload">`, once each. `nomodule` scripts (Next's polyfills for old browsers)
 * are skipped: browsers that run modules never download them.
 */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc="([^"]+)"[^>]*>/g)) {
    if (!/\bnomodule\b/i.test(match[0])) urls.add(match[1]);
  }
  for (const match of html.matchAll(/<link\b[^>]*?\brel="modulepreload"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(match[0]);
    if (href) urls.add(href[1]);
  }
  return [...urls].map((u) => new URL(u.replaceAll("&amp;", "&"), pageUrl).href);
}

export type Weight = { path: string; scripts: number; gzipKB: number; rawKB: number };

export async function firstLoadJs(base: string, path: string): Promise<Weight> {
  const html = await (await fetch(base + path, { signal: AbortSignal.timeout(600_000) })).text();
  let gzip = 0;
  let raw = 0;
  const urls = scriptUrls(html, base + path);
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { path, scripts: urls.length, gzipKB: kb(gzip), rawKB: kb(raw) };
}
