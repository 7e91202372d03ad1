import { NextResponse } from "next/server";
import type { z } from "zod";
import { errorSchema } from "@/db/api-schemas";
import { CommandError, issuesFromZod } from "@/db/commands/errors";
import { firstValues, parseId } from "@/db/queries/filters";
import { bearerToken } from "@/db/access";
import { en } from "@/i18n/messages/en";
import { logRefusal } from "@/app/refusal-log";

// The JSON error shape of CONTRACT §5: {error:{code, message, issues?:[{path, message}]}}.

export function apiError(error: CommandError) {
  logRefusal(error);
  const issues = error.issues.map((issue) => ({ path: issue.path, message: en.errors[issue.code] }));
  const headers =
    error.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
  return documentedJson(
    errorSchema,
    { error: { code: error.code, message: error.message, ...(issues.length ? { issues } : {}) } },
    { status: error.status, headers },
  );
}

/**
 * A JSON answer typed by the schema that documents it (db/api-schemas.ts, which
 * /api/v1/openapi.json is generated from): a handler cannot answer a shape its document lacks.
 */
export function documentedJson<S extends z.ZodType>(_documentedBy: S, body: z.output<S>, init?: ResponseInit) {
  return NextResponse.json(body, init);
}

/** Runs a handler, answering a refused command with its status and JSON error. */
export async function respond(handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof CommandError) return apiError(error);
    throw error;
  }
}

/**
 * Validates query parameters with a zod schema, or throws a 400 naming every bad parameter.
 * Repeated parameters use their first value.
 */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const result = schema.safeParse(firstValues(new URL(request.url).searchParams));
  if (result.success) return result.data;
  throw new CommandError(
    400,
    "invalid_parameters",
    "Some query parameters are not valid.",
    issuesFromZod(result.error),
  );
}

/**
 * Refuses a cross-site write that rides on the browser's session cookie. Token-authenticated
 * requests cannot be forged by another site, and Auth.js's cookie is SameSite=Lax besides.
 */
export function assertSameSite(request: Request): void {
  if (bearerToken(request.headers.get("authorization")) !== null) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.headers.get("sec-fetch-site") === "cross-site" || (origin !== null && hostOf(origin) !== host)) {
    throw new CommandError(403, "cross_site", "Cross-site requests may not write.");
  }
}

/** The host of an Origin header, or null for "null" and anything malformed. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** JSON bodies of writes are small; anything bigger is refused before it is read whole. */
export const MAX_JSON_BYTES = 1_000_000;

const tooLarge = () => new CommandError(413, "too_large", `The request body is over ${MAX_JSON_BYTES} bytes.`);

/** Reads a JSON write body (same-site or token-authenticated), or throws 400 / 413. */
export async function readJson(request: Request): Promise<unknown> {
  assertSameSite(request);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) throw tooLarge();
  const body = await readCapped(request.body, MAX_JSON_BYTES);
  try {
    return JSON.parse(body);
  } catch {
    throw new CommandError(400, "invalid_json", "The request body must be JSON.");
  }
}

/**
 * The body as UTF-8 text, read chunk by chunk and abandoned (413) as soon as it passes `max`
 * bytes: a chunked body has no Content-Length to check first, and request.text() would buffer
 * all of it.
 */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  // TextDecoder, like request.text(): drops a leading BOM.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export type IdContext = { params: Promise<{ id: string }> };

/** The `{id}` of a route, or a 400 naming it. */
export async function idParam({ params }: IdContext): Promise<number> {
  const id = parseId((await params).id);
  if (id === null) {
    throw new CommandError(400, "invalid_parameters", "The id must be a positive integer.", [
      { path: "id", code: "invalid" },
    ]);
  }
  return id;
}
