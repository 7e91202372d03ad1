import "server-only";
import { FIGURES, invalidate } from "../cache/tags";
import { eq, inArray } from "drizzle-orm";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import type { PartyKind } from "../enums";
import { parties } from "../schema";
import { audit, type Tx } from "./audit";
import { CommandError, notFound, validate, type FieldIssue } from "./errors";
import { createPartySchema, updatePartySchema } from "./mesa-input";

// Parties are shared by every mesa (a company or a ministry sits at several tables), so creating
// and renaming them is for admins only: a commissioner would otherwise edit other mesas' bodies.

export type PartyRow = { slug: string; name: string; kind: PartyKind };

/**
 * Party slugs → ids, in order. Each unknown slug is an `unknown_party` issue and each repeated
 * one a `duplicate`, at the path `pathOf(i)` of its position.
 */
export function resolvePartySlugs(slugs: string[], pathOf: (i: number) => string, issues: FieldIssue[]): number[] {
  const rows = slugs.length
    ? getDb().select({ id: parties.id, slug: parties.slug }).from(parties).where(inArray(parties.slug, slugs)).all()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const seen = new Set<string>();
  slugs.forEach((slug, i) => {
    if (!ids.has(slug)) issues.push({ path: pathOf(i), code: "unknown_party" });
    else if (seen.has(slug)) issues.push({ path: pathOf(i), code: "duplicate" });
    seen.add(slug);
  });
  return slugs.map((slug) => ids.get(slug)!);
}

function assertSlugFree(tx: Tx, slug: string) {
  if (tx.select({ id: parties.id }).from(parties).where(eq(parties.slug, slug)).get()) {
    throw new CommandError(409, "conflict", `Party ${slug} already exists.`, [{ path: "slug", code: "taken" }]);
  }
}

/** Registers a party (admin). Its slug is its public address and cannot change later. */
export function createParty(viewer: Viewer, input: unknown): PartyRow {
  requireRole(viewer, "admin");
  const data = validate(createPartySchema, input);
  return getDb().transaction((tx) => {
    assertSlugFree(tx, data.slug);
    const row = tx.insert(parties).values(data).returning().get();
    audit(tx, viewer, "party.create", { type: "party", id: row.id }, null, row);
    return { slug: row.slug, name: row.name, kind: row.kind };
  });
}

/** Renames a party or changes its kind (admin). */
export function updateParty(viewer: Viewer, slug: string, input: unknown): PartyRow {
  requireRole(viewer, "admin");
  const current =
    typeof slug === "string" ? getDb().select().from(parties).where(eq(parties.slug, slug)).get() : undefined;
  if (!current) throw notFound("Party");
  const patch = validate(updatePartySchema, input);
  // Nothing to change: drizzle refuses an empty SET, and there is nothing to audit.
  if (patch.name === undefined && patch.kind === undefined) return { slug, name: current.name, kind: current.kind };
  return getDb().transaction((tx) => {
    const row = tx.update(parties).set(patch).where(eq(parties.id, current.id)).returning().get();
    audit(tx, viewer, "party.update", { type: "party", id: current.id }, current, row);
    // Party names appear in every figure that lists parties.
    invalidate([FIGURES]);
    return { slug: row.slug, name: row.name, kind: row.kind };
  });
}
