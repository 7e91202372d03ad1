// Calling the route handlers of app/api/v1 in process, as Next.js would, for the tests
// (calls.test.ts, fuzz.test.ts). Test-only: it relies on Vite's import.meta.glob.
// It imports nothing of ours, so a test's vi.mock factory may import it.

declare global {
  // Vite's (Vitest runs on it); vite/client, which types it, is only vitest's own dependency.
  interface ImportMeta {
    glob<T>(pattern: string): Record<string, () => Promise<T>>;
  }
}

export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every route module under app/api/v1, by file (`../commitments/[id]/route.ts`). */
export const ROUTES = import.meta.glob<Record<string, Handler>>("../**/route.ts");
export const routeFile = (path: string) => `..${path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;

/** The current request's headers, as the mocked next/headers answers them. */
export const current = { headers: new Headers() };

/** Calls the handler of `method path` (`/commitments/{id}`) with a request and its decoded path parameters. */
export async function callRoute(
  method: string,
  path: string,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  current.headers = request.headers;
  const route = await ROUTES[routeFile(path)]();
  return route[method.toUpperCase()](request, { params: Promise.resolve(params) });
}
