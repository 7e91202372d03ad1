import { NextResponse } from "next/server";
import type { z } from "zod";
import { firstValues } from "@/db/queries/filters";

// The JSON error shape of CONTRACT §5: {error:{code, message, issues?:[{path, message}]}}.

export type ApiIssue = { path: string; message: string };

export function apiError(status: number, code: string, message: string, issues?: ApiIssue[]) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

export function notFound(what: string) {
  return apiError(404, "not_found", `${what} not found`);
}

/**
 * Validates query parameters with a zod schema: the data, or a 400 answer naming every bad
 * parameter. Repeated parameters use their first value.
 */
export function parseQuery<T extends z.ZodType>(
  request: Request,
  schema: T,
): { data: z.output<T>; response?: never } | { data?: never; response: NextResponse } {
  const result = schema.safeParse(firstValues(new URL(request.url).searchParams));
  if (result.success) return { data: result.data };
  return {
    response: apiError(
      400,
      "invalid_parameters",
      "Some query parameters are not valid.",
      result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    ),
  };
}
