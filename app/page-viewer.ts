import "server-only";
import { PUBLIC, type Viewer } from "@/db/access";
import { CommandError } from "@/db/commands/errors";
import { getViewer } from "@/db/session";

/**
 * The viewer of a page render: getViewer, except that a refused API token reads as the public
 * (a browser never sends one; a script gets its 401 from the API and /files instead).
 */
export async function pageViewer(): Promise<Viewer> {
  try {
    return await getViewer();
  } catch (error) {
    if (error instanceof CommandError && error.status === 401) return PUBLIC;
    throw error;
  }
}
