"use client";

import { useEffect } from "react";
import { checkSession } from "./outbox-network";

/**
 * Registers the service worker (public/sw.js) that keeps copies of /monitor and of its scripts
 * and styles, so that the page opens, and reloads, without a connection. Once the server confirms
 * who is signed in, it tells the worker whose page this is ("keep": a page of another account
 * drops the copies kept for the previous one) or that no one is ("forget": signed out, or another
 * account signed in while this page was open). A form sent from outside the page's content (the
 * header's sign-out or language switch) drops them at once, before the session may be gone; they
 * are kept again a moment later if the session is still this user's. The submissions themselves
 * are the outbox's.
 *
 * Not in development: `next dev` serves changing, unhashed scripts that a cache would pin.
 */
export function OfflineSupport({ userId }: { userId: number }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let live = true;
    const tell = async () => {
      const session = await checkSession(userId);
      if (!live || session === "network") return;
      const worker = (await navigator.serviceWorker.ready).active;
      worker?.postMessage(session === "ok" ? { type: "keep", userId, assets: loadedAssets() } : { type: "forget" });
    };
    // No service worker (a private window, an old browser): the page works online only.
    navigator.serviceWorker
      .register("/sw.js", { scope: "/monitor", updateViaCache: "none" })
      .then(tell)
      .catch(() => {});
    const onOnline = () => void tell().catch(() => {});
    let again: ReturnType<typeof setTimeout> | undefined;
    const onSubmit = (event: SubmitEvent) => {
      if (!(event.target instanceof HTMLFormElement) || event.target.closest("main")) return;
      void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "forget" }));
      clearTimeout(again);
      again = setTimeout(onOnline, 3000);
    };
    window.addEventListener("online", onOnline);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      live = false;
      clearTimeout(again);
      window.removeEventListener("online", onOnline);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [userId]);
  return null;
}

/**
 * The build's files this page loaded (scripts, styles, fonts). On the first visit they came
 * before the worker was there to see them; it fetches and keeps those it lacks.
 */
function loadedAssets(): string[] {
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType("resource")) urls.add(entry.name);
  for (const script of document.querySelectorAll<HTMLScriptElement>("script[src]")) urls.add(script.src);
  for (const link of document.querySelectorAll<HTMLLinkElement>("link[href]")) urls.add(link.href);
  return [...urls].flatMap((href) => {
    const url = new URL(href, location.href);
    return url.origin === location.origin && url.pathname.startsWith("/_next/static/")
      ? [url.pathname + url.search]
      : [];
  });
}
