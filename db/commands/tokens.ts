import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireRole, requireSession, type Viewer } from "../access";
import { getDb } from "../client";
import { apiTokens } from "../schema";
import { hashToken } from "../viewers";
import { audit } from "./audit";
import { notFound, validate } from "./errors";

// Personal API tokens (CONTRACT §5: scripts send `Authorization: Bearer TOKEN`). Only the
// SHA-256 of a token is stored; the token itself exists once, in createToken's answer.

/** How long a new token lasts, in days, or "never". */
export const TOKEN_LIFETIMES = ["30", "90", "365", "never"] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
/** A forgotten token in a script is a standing risk: unless told otherwise a token lasts 90 days. */
export const DEFAULT_TOKEN_LIFETIME: TokenLifetime = "90";

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresIn: z.enum(TOKEN_LIFETIMES).default(DEFAULT_TOKEN_LIFETIME),
  })
  .strict();

const DAY_MS = 24 * 60 * 60 * 1000;

function expiryOf(lifetime: TokenLifetime, now: number): string | null {
  return lifetime === "never" ? null : new Date(now + Number(lifetime) * DAY_MS).toISOString();
}

/** `mm_` marks our tokens (secret scanners can match it); 32 random bytes make it unguessable. */
function newToken(): string {
  return `mm_${randomBytes(32).toString("base64url")}`;
}

/**
 * Creates a token for the viewer. The answer is the only place the plain token ever appears.
 * Only a signed-in session may: a token that could make tokens would outlive its own expiry.
 */
export function createToken(
  viewer: Viewer,
  input: unknown,
): { id: number; name: string; token: string; expiresAt: string | null } {
  const owner = requireSession(requireRole(viewer, "monitor"));
  const data = validate(createTokenSchema, input);
  const token = newToken();
  const expiresAt = expiryOf(data.expiresIn, Date.now());
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(apiTokens)
      .values({ userId: owner.userId, name: data.name, tokenHash: hashToken(token), expiresAt })
      .returning({ id: apiTokens.id })
      .get();
    audit(tx, owner, "token.create", { type: "api_token", id: row.id }, null, {
      name: data.name,
      userId: owner.userId,
      expiresAt,
    });
    return row.id;
  });
  return { id, name: data.name, token, expiresAt };
}

/** Revokes one of the viewer's own tokens; anyone else's is "not found", so ids reveal nothing. */
export function revokeToken(viewer: Viewer, tokenId: number): void {
  const owner = requireRole(viewer, "monitor");
  const db = getDb();
  const token = Number.isInteger(tokenId)
    ? db
        .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, owner.userId)))
        .get()
    : undefined;
  if (!token) throw notFound("Token");
  if (token.revokedAt) return;
  db.transaction((tx) => {
    const revokedAt = new Date().toISOString();
    tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, tokenId)).run();
    audit(
      tx,
      owner,
      "token.revoke",
      { type: "api_token", id: tokenId },
      { name: token.name, revokedAt: null },
      { revokedAt },
    );
  });
}
