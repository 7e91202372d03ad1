// Lighthouse mobile performance score, run with npx so that it stays out of package.json.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LighthouseScore = { path: string; score: number | null; error?: string };

export async function lighthouse(base: string, path: string): Promise<LighthouseScore> {
  try {
    const { stdout } = await run(
      "npx",
      [
        "-y",
        "lighthouse@12.8.2",
        base + path,
        "--only-categories=performance",
        "--output=json",
        "--quiet",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic",
      ],
      { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
    );
    const report = JSON.parse(stdout) as { categories: { performance: { score: number | null } } };
    const score = report.categories.performance.score;
    return { path, score: score === null ? null : Math.round(score * 100) };
  } catch (error) {
    // Lighthouse explains a failure (e.g. NO_FCP when the page takes too long) on stderr.
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    const why = stderr.split("\n").at(-1) || (error instanceof Error ? error.message.split("\n")[0] : String(error));
    return { path, score: null, error: why.slice(0, 200) };
  }
}
