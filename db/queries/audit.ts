import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { requireRole, type Viewer } from "../access";
import { getDb } from "../client";
import { auditLog, users } from "../schema";

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first (admins only). */
export function listAudit(viewer: Viewer, page: number) {
  requireRole(viewer, "admin");
  const db = getDb();
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db.select({ n: count() }).from(auditLog).get()!.n;
  return { rows, total };
}
