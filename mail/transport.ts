import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { outboxDir } from "@/db/config";

// Hands messages to the mail server of CONTRACT §3 (`SMTP_URL`), or, without one, writes each
// as an .eml file under ./data/outbox/ (`OUTBOX_DIR`), so a fresh install never sends e-mail.

export type Envelope = { key: string; to: string; subject: string; text: string; headers: Record<string, string> };
export type MailTransport = { send(message: Envelope): Promise<void> };

function mailFrom(): string {
  return process.env.MAIL_FROM || "Mesa Monitor <no-reply@localhost>";
}

/** The same notification always has the same Message-ID, so a receiver can tell a repeat. */
function messageId(key: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom())?.[1] ?? "localhost";
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${domain}>`;
}

function toNodemailer(message: Envelope) {
  return {
    from: mailFrom(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    headers: message.headers,
    messageId: messageId(message.key),
  };
}

export function mailTransport(): MailTransport {
  const url = process.env.SMTP_URL;
  if (url) {
    const smtp = nodemailer.createTransport(url);
    return {
      async send(message) {
        await smtp.sendMail(toNodemailer(message));
      },
    };
  }
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await files.sendMail(toNodemailer(message));
      const dir = outboxDir();
      await fs.promises.mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${message.key.replace(/[^\w-]+/g, "_")}.eml`;
      await fs.promises.writeFile(path.join(dir, name), info.message as Buffer);
    },
  };
}
