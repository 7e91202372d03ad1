import type { z } from "zod";

/** Why an input field was refused: a key the UI translates (i18n `errors.*`), never free text. */
export type IssueCode =
  | "required"
  | "invalid"
  | "too_long"
  | "too_short"
  | "invalid_date"
  | "invalid_choice"
  | "unknown_party"
  | "one_lead"
  | "duplicate"
  | "due_before_made"
  | "ends_before_start"
  | "after_today"
  | "period_not_elapsed"
  | "not_recurring"
  | "superseded_by_required"
  | "superseded_by_same_mesa"
  | "superseded_by_superseded"
  | "unknown_evidence"
  | "unknown_meeting"
  | "taken"
  | "weak_password"
  | "file_too_large"
  | "image_too_large"
  | "file_type"
  | "too_many_files"
  | "invalid_url"
  | "status_needs_acceptance"
  | "superseded_not_in_review";

export type FieldIssue = { path: string; code: IssueCode };

/**
 * A refused command. Route handlers turn it into CONTRACT §5's error JSON; Server Actions into
 * messages next to the fields.
 */
export class CommandError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
  /** A 429's wait, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;
}

export const unauthenticated = () => new CommandError(401, "unauthenticated", "Sign in or send a valid API token.");
export const forbidden = () => new CommandError(403, "forbidden", "You may not do this.");
export const notFound = (what: string) => new CommandError(404, "not_found", `${what} not found.`);
export const invalid = (issues: FieldIssue[]) =>
  new CommandError(422, "invalid_input", "Some fields are not valid.", issues);

/** Maps zod's issues to our codes, so every language can explain them. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join("."), code: "invalid" }))
      : [{ path: issue.path.join("."), code: codeOf(issue) }],
  );
}

function codeOf(issue: z.core.$ZodIssue): IssueCode {
  switch (issue.code) {
    case "custom":
      return (issue.message as IssueCode) || "invalid";
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "required" : "invalid";
    case "too_big":
      return "too_long";
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short";
    case "invalid_format":
      return issue.format === "date" ? "invalid_date" : "invalid";
    case "invalid_value":
      return "invalid_choice";
    default:
      return "invalid";
  }
}

/**
 * Every command takes an object of fields: anything else (a JSON body of `""`, `0`, `null` or an
 * array) is a malformed body, a 400 with no field to name.
 */
export function assertFields(input: unknown): asserts input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new CommandError(400, "invalid_body", "The input must be an object of fields.");
  }
}

/** Parses input with a schema or throws a 422 listing every bad field (a 400 when it is no object at all). */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  assertFields(input);
  // reportInput lets an issue tell a missing value from one of the wrong type; the input
  // itself never leaves this module.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw invalid(issuesFromZod(result.error));
  return result.data;
}
