// What `npm start` compares with the last build to decide whether to build again.
import fs from "node:fs";
import path from "node:path";

/** Everything the production build is made from (paths relative to the project root). */
export const BUILD_SOURCES = [
  "app",
  "components",
  "db",
  "i18n",
  "mail",
  "public",
  "auth.ts",
  "proxy.ts",
  "instrumentation.ts",
  "server",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];

export function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of the files under the given paths (node_modules and .next excluded). */
export function newest(paths) {
  let latest = 0;
  for (const entry of paths) {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) continue;
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else
      for (const child of fs.readdirSync(entry)) {
        if (child !== "node_modules" && !child.startsWith("."))
          latest = Math.max(latest, newest([path.join(entry, child)]));
      }
  }
  return latest;
}
