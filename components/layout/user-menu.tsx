import Link from "next/link";
import type { Viewer } from "@/db/access";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

export function UserMenu({ viewer, logout, m }: { viewer: Viewer; logout: () => Promise<void>; m: Messages }) {
  if (!viewer) return <Link href="/login">{m.auth.login}</Link>;
  return (
    <div className="user-menu">
      <span>{fill(m.auth.signedInAs, { name: viewer.name })}</span>
      <Link href="/monitor">{m.nav.monitor}</Link>
      {viewer.role !== "monitor" && (
        <>
          <Link href="/review">{m.nav.review}</Link>
          <Link href="/reports">{m.nav.reports}</Link>
        </>
      )}
      {viewer.role === "admin" && (
        <>
          <Link href="/admin/users">{m.nav.admin}</Link>
          <Link href="/admin/parties">{m.nav.parties}</Link>
          <Link href="/admin/mesas/new">{m.nav.newMesa}</Link>
          <Link href="/admin/audit">{m.nav.audit}</Link>
        </>
      )}
      <Link href="/account/notifications">{m.notificationSettings.title}</Link>
      <Link href="/account/tokens">{m.nav.tokens}</Link>
      <form action={logout}>
        <button type="submit" className="link-button">
          {m.auth.logout}
        </button>
      </form>
    </div>
  );
}
