import Link from "next/link";

/** "Follow by e-mail" under a page's heading. */
export function FollowLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="follow-link">
      <Link href={href}>
        <span aria-hidden="true">✉</span> {label}
      </Link>
    </p>
  );
}
