/** Starts every idempotency key and status-change reason the writers send. */
export const WRITER_PREFIX = "durability-w";

/** One writer's accounts and the commitment it writes on (made by ./prepare.ts). */
export type WriterAccount = {
  monitorId: number;
  monitorToken: string;
  commissionerToken: string;
  commitmentId: number;
};

/** An evidence submission the server answered 201 to. */
export type AckedEvidence = { key: string; id: number; userId: number; commitmentId: number; files: number };

/** What the writers saw: the writes acknowledged, and how often they had to try again. */
export type Ledger = {
  evidence: AckedEvidence[];
  /** Reasons of status changes the server answered 200 to (each reason is used by one change). */
  statusChanges: string[];
  /** Status changes found applied after a crash although never acknowledged. */
  appliedUnacknowledged: string[];
  retries: number;
  serverErrors: number;
};
