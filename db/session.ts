import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { PUBLIC, type Viewer } from "./access";
import { unauthenticated } from "./commands/errors";
import { viewerForToken, viewerForUser } from "./viewers";

/**
 * The viewer of the current request: a personal API token (`Authorization: Bearer`) or the
 * Auth.js session, re-read from the database each time. A token that is unknown, revoked or
 * belongs to a disabled user is refused with 401 rather than silently read as the public.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const authorization = (await headers()).get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const viewer = token ? viewerForToken(token) : null;
    if (!viewer) throw unauthenticated();
    return viewer;
  }
  const session = await auth();
  const userId = Number(session?.user?.id);
  // Sessions from before this field existed count as signed in at the epoch: a reset ends them too.
  return Number.isInteger(userId) && userId > 0 ? viewerForUser(userId, session?.signedInAt ?? 0) : PUBLIC;
});
