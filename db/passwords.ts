import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A random password for generated accounts: 18 bytes, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
