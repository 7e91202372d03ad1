import "server-only";
import { appTimeZone } from "../config";
import { formatterFor } from "@/i18n/format";
import { localeOrDefault, messagesFor } from "@/i18n/locales";
import type { MailContext } from "@/mail/compose";

/**
 * The address links in e-mails lead to: `AUTH_URL` (where the site is published), else this
 * machine's own port, which only works for a reader on the same machine.
 */
function publicOrigin(): string {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** Messages, formats and links of an e-mail in the reader's language. */
export function mailContext(locale: string): MailContext {
  const known = localeOrDefault(locale);
  return { m: messagesFor(known), f: formatterFor(known, appTimeZone()), origin: publicOrigin() };
}
