/** A messages file's content: sections of strings, nested to any depth. */
type Tree = { readonly [key: string]: unknown };

const PLACEHOLDER = /\{(\w+)\}/g; // the same as fill()'s

/**
 * How a language's messages differ from the reference's (Spanish): keys missing or extra at any
 * depth, a string where a section should be or the reverse, empty strings, and strings whose
 * `{placeholders}` are not the same names (fill() would leave a `{n}` on the page).
 * One line per problem, naming the key by its path.
 */
export function compareMessages(reference: Tree, other: Tree, path = ""): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    const where = path + key;
    if (!Object.hasOwn(other, key)) {
      problems.push(`missing: ${where}`);
      continue;
    }
    const expected = reference[key];
    const actual = other[key];
    if (isTree(expected)) {
      if (isTree(actual)) problems.push(...compareMessages(expected, actual, `${where}.`));
      else problems.push(`not a section: ${where}`);
    } else if (typeof actual !== "string") {
      problems.push(`not a string: ${where}`);
    } else if (actual.trim() === "") {
      problems.push(`empty: ${where}`);
    } else {
      const want = placeholders(String(expected));
      const got = placeholders(actual);
      if (want !== got) problems.push(`placeholders of ${where}: ${got || "none"} instead of ${want || "none"}`);
    }
  }
  for (const key of Object.keys(other)) {
    if (!Object.hasOwn(reference, key)) problems.push(`extra: ${path + key}`);
  }
  return problems;
}

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null;
}

function placeholders(text: string): string {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => `{${match[1]}}`))].sort().join(" ");
}
