import fc from "fast-check";

// Random and hostile input values for the fuzz tests (issue 11): what a broken client, a
// spreadsheet or an attacker may send in a field, a query parameter or a path segment.

/** FUZZ_SEED=n replays a run; fast-check prints the seed and the shrunk counterexample on failure. */
export function configureFuzzing() {
  const seed = process.env.FUZZ_SEED;
  if (seed) fc.configureGlobal({ seed: Number(seed) });
}

/** How many cases per property: FUZZ_RUNS=n runs longer (the default keeps the suite quick). */
export const fuzzRuns = (defaultRuns: number) => Number(process.env.FUZZ_RUNS) || defaultRuns;

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uFEFF",
  "\u202Eevil",
  "\uD800",
  "😀".repeat(50),
  "x".repeat(300),
  "y".repeat(20_001),
  "9999-12-31",
  "0000-01-01",
  "2026-02-30",
  "2025-13-01",
  "1899-12-31",
  "2200-01-01",
  "0099-06-30",
  "2025-1-1",
  "2025-06-30T10:00:00Z",
  "-1",
  "0",
  "1.5",
  "1e3",
  "0x10",
  "9007199254740993",
  "1e309",
  "NaN",
  "Infinity",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "' OR 1=1 --",
  "'); DROP TABLE commitments; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "https://example.org/acta.pdf",
  "../../etc/passwd",
  "%00",
  "%zz",
  "a,b;c\r\nd",
  "=cmd|' /C calc'!A0",
];

/** Strings: the hostile list, plus arbitrary ones (any Unicode, short). */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Any JSON value, weighted towards the hostile: wrong types, huge numbers, nested junk. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      2 ** 31,
      Number.MAX_SAFE_INTEGER + 2,
      1e308,
      -1e308,
      [],
      {},
      [1, 2, 3],
      [null],
      { slug: "mmg-las-bambas", lead: true },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A JSON object as text, so it may repeat a key or carry `__proto__` as its own key. */
export function jsonObjectText(entries: [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;
}

/** Keys a client should not be able to smuggle anything through. */
export const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "", " ", "a.b", "0", "$ACTION_ID_x"),
  fc.string({ maxLength: 12 }),
);
