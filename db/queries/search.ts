import "server-only";
import { sql } from "drizzle-orm";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { getDb } from "../client";

// The FTS5 index of commitments' code, title and text, made and kept in sync by triggers in
// drizzle/0005_commitments_fts.sql. Declared here for the query builder only: it is not in
// db/schema.ts, so drizzle-kit never tries to create or alter a virtual table.
const commitmentsFts = sqliteTable("commitments_fts", { rowid: integer("rowid").notNull() });

// bm25 weights per column, in the index's order: a code or title match ranks above one in the text.
const RANK = sql`bm25(${commitmentsFts}, 10.0, 4.0, 1.0)`;

// Each prefix term reads the index entries of every word it begins, and one letter begins many:
// on 200,000 generated commitments, 100 × "a" took 19 s and ten different letters 0.5 s.
const MAX_WORDS = 8;

const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * What a user typed in the search box → an FTS5 MATCH expression in which every word must
 * match the start of a word (AND of prefix queries): "agua" finds "aguas", "LB-0" finds "LB-07".
 * Words are letters and digits (with their combining accents); everything else separates them,
 * as it does for the index's tokenizer. Each word is quoted, so the user's text is never FTS
 * syntax: `"`, `*`, `:`, `-`, `(`, NEAR, OR and AND are plain text or separators.
 * A word repeated, or the start of another word typed ("a" in "a agua"), adds nothing and is
 * dropped; then only the first MAX_WORDS words count.
 * Null when there is no word at all: such a search matches nothing.
 */
export function matchExpression(query: string): string | null {
  const words = query.normalize("NFC").match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const folded = words.map(fold);
  const needed = words.filter((_, i) =>
    folded.every((other, j) => j === i || !other.startsWith(folded[i]) || (other === folded[i] && j > i)),
  );
  if (needed.length === 0) return null;
  // A word cannot contain `"`; doubling it is what FTS5 quoting needs should that change.
  return needed
    .slice(0, MAX_WORDS)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(" ");
}

/** A subquery of the commitments matching `match`, with their rank (lower is better), to join on id. */
export function searchHits(match: string) {
  return getDb()
    .select({ id: sql<number>`${commitmentsFts.rowid}`.as("hit_id"), rank: sql<number>`${RANK}`.as("hit_rank") })
    .from(commitmentsFts)
    .where(sql`${commitmentsFts} MATCH ${match}`)
    .as("hits");
}
