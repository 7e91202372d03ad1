import "server-only";
import { forbidden, redirect } from "next/navigation";
import { canEditMesa, type Viewer } from "@/db/access";
import { pageViewer } from "@/app/page-viewer";

/** Staff pages: the public is sent to sign in and comes back here afterwards. */
export async function requirePageViewer(path: string): Promise<NonNullable<Viewer>> {
  const viewer = await pageViewer();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(path)}`);
  return viewer;
}

/** Editing pages of a mesa: its commissioners and admins; others get a 403 page. */
export async function requireMesaEditorPage(path: string, mesaId: number): Promise<NonNullable<Viewer>> {
  const viewer = await requirePageViewer(path);
  if (!canEditMesa(viewer, mesaId)) forbidden();
  return viewer;
}

/** Admin pages (users, assignments): the public signs in first; other staff get a 403 page. */
export async function requireAdminPage(path: string): Promise<NonNullable<Viewer>> {
  const viewer = await requirePageViewer(path);
  if (viewer.role !== "admin") forbidden();
  return viewer;
}
