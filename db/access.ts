import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { forbidden, unauthenticated } from "./commands/errors";
import type { Role } from "./enums";
import { commitments, evidence } from "./schema";

/**
 * Who is asking. `null` is the public (no account). Every query and command takes a viewer and
 * filters with it in SQL, so visibility never depends on a page remembering to check.
 */
export type Viewer = {
  userId: number;
  name: string;
  role: Role;
  mesaIds: readonly number[];
  /** Signed in with a personal API token rather than a session (such a request may not make tokens). */
  viaToken?: true;
} | null;

export const PUBLIC: Viewer = null;

/**
 * The public sees public items; staff also see the restricted items of their mesas; admins all.
 * `table` is `commitments` or a table that copies its visibility and mesa (status_spans).
 */
export function visibleCommitments(
  viewer: Viewer,
  table: { visibility: SQLiteColumn; mesaId: SQLiteColumn } = commitments,
): SQL {
  if (viewer?.role === "admin") return sql`1 = 1`;
  const isPublic = eq(table.visibility, "public");
  if (!viewer || viewer.mesaIds.length === 0) return isPublic;
  return or(isPublic, inArray(table.mesaId, [...viewer.mesaIds]))!;
}

/** SQL: the commitment is on a mesa the viewer is staff of (admins: every mesa). */
export function onStaffMesa(viewer: Viewer): SQL {
  if (viewer?.role === "admin") return sql`1 = 1`;
  if (!viewer || viewer.mesaIds.length === 0) return sql`0 = 1`;
  return inArray(commitments.mesaId, [...viewer.mesaIds]);
}

/**
 * SQL, over evidence joined to its commitment: accepted evidence of a commitment the viewer can
 * see, or any evidence for staff of that mesa.
 */
export function visibleEvidence(viewer: Viewer): SQL {
  return and(visibleCommitments(viewer), or(eq(evidence.reviewState, "accepted"), onStaffMesa(viewer)))!;
}

/** Whether the viewer may see non-public details of a mesa (submitters, pending evidence). */
export function isStaffOf(viewer: Viewer, mesaId: number): boolean {
  return viewer?.role === "admin" || (viewer !== null && viewer.mesaIds.includes(mesaId));
}

const RANK: Record<Role, number> = { monitor: 1, commissioner: 2, admin: 3 };

/** Throws 401 for the public, 403 below the given role. */
export function requireRole(viewer: Viewer, role: Role): NonNullable<Viewer> {
  if (!viewer) throw unauthenticated();
  if (RANK[viewer.role] < RANK[role]) throw forbidden();
  return viewer;
}

/**
 * Throws 403 for a request authenticated with an API token. Accounts and tokens are managed from
 * a signed-in session only: a stolen token that could make tokens or accounts would outlive its
 * own expiry and revocation.
 */
export function requireSession(viewer: NonNullable<Viewer>): NonNullable<Viewer> {
  if (viewer.viaToken) throw forbidden();
  return viewer;
}

/** Commissioners of the mesa and admins may edit it (CONTRACT §2). */
export function canEditMesa(viewer: Viewer, mesaId: number): boolean {
  return viewer?.role === "admin" || (viewer?.role === "commissioner" && viewer.mesaIds.includes(mesaId));
}

export function requireMesaEditor(viewer: Viewer, mesaId: number): NonNullable<Viewer> {
  requireRole(viewer, "commissioner");
  if (!canEditMesa(viewer, mesaId)) throw forbidden();
  return viewer!;
}

/**
 * The API token of an `Authorization: Bearer` header, else null: other schemes (the Basic
 * credentials a browser repeats behind a password-protected proxy) are not ours.
 */
export function bearerToken(authorization: string | null): string | null {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? null;
}
