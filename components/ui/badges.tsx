import type { Status } from "@/db/enums";

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}

export function OverdueBadge({ label }: { label: string }) {
  return <span className="badge badge-overdue">{label}</span>;
}

export function RestrictedBadge({ label }: { label: string }) {
  return <span className="badge badge-restricted">{label}</span>;
}
