import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { PUBLIC, type Viewer } from "./access";
import { unauthenticated } from "./commands/errors";
import { viewerForToken, viewerForUser } from "./viewers";

/**
 * The viewer of a page request: the Auth.js session, re-read from the database each time (so a
 * disabled user or a reset password ends it at once). Pages ignore API tokens.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  // Sessions without signedInAt count as signed in at the epoch: a password reset ends them too.
  return Number.isInteger(userId) && userId > 0 ? viewerForUser(userId, session?.signedInAt ?? 0) : PUBLIC;
});

/**
 * The viewer of an API request: a personal API token (`Authorization: Bearer`) or else the
 * session. A token that is unknown, revoked or belongs to a disabled user is refused with 401
 * rather than silently read as the public.
 */
export const getApiViewer = cache(async (): Promise<Viewer> => {
  const authorization = (await headers()).get("authorization");
  if (!authorization) return getViewer();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const viewer = token ? viewerForToken(token) : null;
  if (!viewer) throw unauthenticated();
  return viewer;
});
