import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { bearerToken, PUBLIC, type Viewer } from "./access";
import { unauthenticated } from "./commands/errors";
import { viewerForToken, viewerForUser } from "./viewers";

/**
 * The viewer of any request (page, Server Action, API route, file download): a personal API
 * token when the request sends `Authorization: Bearer`, else the Auth.js session, re-read from the
 * database each time (so a disabled user, a reset password or a revoked token ends it at once).
 * A token that is unknown, revoked, expired or belongs to a disabled user is refused with a 401
 * CommandError rather than silently read as the public; pages show the public instead
 * (`pageViewer` in app/page-viewer.ts).
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const token = bearerToken((await headers()).get("authorization"));
  if (token === null) return sessionViewer();
  const viewer = viewerForToken(token);
  if (!viewer) throw unauthenticated();
  return viewer;
});

async function sessionViewer(): Promise<Viewer> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  // Sessions without signedInAt count as signed in at the epoch: a password reset ends them too.
  return Number.isInteger(userId) && userId > 0 ? viewerForUser(userId, session?.signedInAt ?? 0) : PUBLIC;
}
