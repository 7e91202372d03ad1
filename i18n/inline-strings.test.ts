import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findInlineStrings } from "./testing/inline-strings";

/** Words that are the same in every language: units, names of formats and of hash functions. */
const NOT_WORDS = new Set(["MB", "SHA", "https", "openapi", "json"]);

const root = path.resolve(import.meta.dirname, "..");

function componentFiles(): string[] {
  return ["app", "components"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".tsx"))
      .map((file) => path.join(folder, file)),
  );
}

describe("components", () => {
  // Parsing every component takes a few seconds on a busy machine.
  it("take every word a reader sees or hears from the messages files", { timeout: 60_000 }, () => {
    const files = componentFiles();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      findInlineStrings(file, readFileSync(path.join(root, file), "utf8"), NOT_WORDS).map(
        ({ line, where, text }) => `${file}:${line} (${where}) ${JSON.stringify(text)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});

describe("findInlineStrings", () => {
  it("finds text between tags, literals shown as children and literal user-facing attributes", () => {
    const source = `
      export function Card({ ok, m }) {
        return (
          <section aria-label="Resumen" className="card wide">
            <h2>Compromisos</h2>
            <p>{ok ? "Sí" : m.no} {m.count}</p>
            <>{\`Total: \${m.n}\`}</>
            <input placeholder={"Buscar"} title={m.search} name="query" />
            <img alt='Mapa' src="/map.svg" />
          </section>
        );
      }`;
    expect(findInlineStrings("card.tsx", source).map(({ line, where, text }) => `${line} ${where} ${text}`)).toEqual([
      "4 aria-label Resumen",
      "5 text Compromisos",
      "6 text Sí",
      "7 text Total:",
      "8 placeholder Buscar",
      "9 alt Mapa",
    ]);
  });

  it("lets through text without words, whitespace, other attributes and the allowed non-words", () => {
    const source = `
      export const Row = ({ m, file }) => (
        <li className="row" data-state="open" lang="en">
          {m.name} — {file.size} · 3 {" "} (<code>SHA-256 {file.sha}</code>) {m.size} MB
        </li>
      );`;
    expect(findInlineStrings("row.tsx", source, new Set(["SHA", "MB"]))).toEqual([]);
  });
});
