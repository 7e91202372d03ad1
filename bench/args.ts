// Command-line options shared by the bench scripts.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A positive integer option, or the fallback when absent. */
export function intOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${String(raw)}`);
  return n;
}

export function parse(options: ParseArgsConfig["options"]) {
  return parseArgs({ options, strict: true, allowPositionals: false }).values as Record<string, string | boolean>;
}
