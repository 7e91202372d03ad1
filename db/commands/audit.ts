import type { Viewer } from "../access";
import type { Db } from "../connection";
import { auditLog } from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type { Tx };

/** Appends one row to the audit log, inside the caller's transaction. */
export function audit(
  tx: Tx,
  viewer: Viewer,
  action: string,
  entity: { type: string; id: string | number },
  before: unknown,
  after: unknown,
): void {
  tx.insert(auditLog)
    .values({
      actorUserId: viewer?.userId ?? null,
      action,
      entityType: entity.type,
      entityId: String(entity.id),
      before: before ?? null,
      after: after ?? null,
    })
    .run();
}
