/** A link to another site, labelled by its host; an address that is not http(s) stays plain text. */
export function ExternalLink({ href, label }: { href: string; label?: string }) {
  const host = hostOf(href);
  if (!host) return <span>{href}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow">
      {label ? `${label}: ${host}` : host}
    </a>
  );
}

function hostOf(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname : null;
  } catch {
    return null;
  }
}
