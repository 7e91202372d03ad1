import "server-only";
import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Role } from "./enums";
import { commitments } from "./schema";

/**
 * Who is asking. `null` is the public (no account). Every query and command takes a viewer and
 * filters with it in SQL, so visibility never depends on a page remembering to check.
 */
export type Viewer = { userId: number; name: string; role: Role; mesaIds: readonly number[] } | null;

export const PUBLIC: Viewer = null;

/** The public sees public items; staff also see the restricted items of their mesas; admins all. */
export function visibleCommitments(viewer: Viewer): SQL {
  if (viewer?.role === "admin") return sql`1 = 1`;
  const isPublic = eq(commitments.visibility, "public");
  if (!viewer || viewer.mesaIds.length === 0) return isPublic;
  return or(isPublic, inArray(commitments.mesaId, [...viewer.mesaIds]))!;
}

/** Whether the viewer may see non-public details of a mesa (submitters, pending evidence). */
export function isStaffOf(viewer: Viewer, mesaId: number): boolean {
  return viewer?.role === "admin" || (viewer !== null && viewer.mesaIds.includes(mesaId));
}

/**
 * The viewer of the current request. Until sign-in lands (issue #3) everyone reads as the
 * public; pages and routes already pass it to every query so that nothing changes then.
 */
export async function getViewer(): Promise<Viewer> {
  return PUBLIC;
}
