import type { IssueCode } from "@/db/commands/errors";
import type { Messages } from "@/i18n/messages/es";

// Pure rules of the evidence form and its outbox (no DOM, no IndexedDB), so they are unit-tested:
// checks before queueing, and what an answer of POST /commitments/{id}/evidence means.

export type EvidenceFields = {
  observedOn: string;
  kind: string;
  summary: string;
  sourceUrl: string;
  suggestedStatus: string;
  /** A recurring commitment's period (its number), or "" for the whole commitment. */
  period: string;
};

/**
 * What is wrong with a field: an `errors.*` code, or `invalidUrl` (`errors.invalid_url` speaks of
 * several addresses, one per line; this form has one).
 */
export type ErrorKey = IssueCode | "invalidUrl" | "tooManyFiles";
/** By field path: `summary`, `files` (all of them), `files.2` (the third file). */
export type EvidenceErrors = Record<string, ErrorKey[]>;
/** A problem with the whole submission (an `errors.*` key). */
export type FormProblem = "form" | "forbidden" | "notFound";
/** Why the outbox set a submission aside: the server refused it, or kept failing to answer it. */
export type RefusalProblem = FormProblem | "server";

export type EvidenceAnswer = { id: number; commitmentId: number };

export type SendOutcome =
  | { kind: "sent"; evidence: EvidenceAnswer }
  | { kind: "refused"; errors: EvidenceErrors; problem: FormProblem }
  /**
   * Not a definitive answer: the submission stays queued and is retried. `busy`: the server asks
   * this user to slow down (429); that is no failure, it never sets the submission aside.
   */
  | { kind: "kept"; reason: "offline" | "network" | "server" | "signIn" | "busy" };

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SUMMARY = 2000;
/** The server reads at most this many files per submission (413 `too_many_files` beyond). */
export const MAX_FILES = 10;
/**
 * Failed answers (5xx, a proxy's or captive portal's page) after which a queued submission stops
 * retrying by itself and waits for the monitor. Network errors (offline) never count.
 */
export const MAX_SERVER_FAILURES = 8;
const DOCUMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

type FileLike = { size: number; type: string };

/**
 * The checks worth making before a submission is queued: one that is sure to be refused should not
 * wait days for a connection. The server decides file types from content; this only catches the
 * browser's own clear labels (a HEIC or GIF photo, a .docx). Phones label audio inconsistently, so
 * audio is left to the server.
 */
export function checkEvidence(fields: EvidenceFields, files: FileLike[], kinds: readonly string[]): EvidenceErrors {
  const errors: EvidenceErrors = {};
  const add = (path: string, key: ErrorKey) => (errors[path] ??= []).push(key);
  if (!fields.observedOn) add("observedOn", "required");
  else if (!isDate(fields.observedOn)) add("observedOn", "invalid_date");
  if (!fields.kind) add("kind", "required");
  else if (!kinds.includes(fields.kind)) add("kind", "invalid_choice");
  if (!fields.summary.trim()) add("summary", "required");
  else if (fields.summary.length > MAX_SUMMARY) add("summary", "too_long");
  if (fields.sourceUrl && !isWebUrl(fields.sourceUrl)) add("sourceUrl", "invalidUrl");
  if (files.length > MAX_FILES) add("files", "tooManyFiles");
  files.forEach((file, i) => {
    if (file.size > MAX_FILE_BYTES) add(`files.${i}`, "file_too_large");
    if (file.type && !file.type.startsWith("audio/") && !DOCUMENT_TYPES.includes(file.type)) {
      add(`files.${i}`, "file_type");
    }
  });
  return errors;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isWebUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

type ApiError = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

function isApiError(body: unknown): body is ApiError {
  const error = (body as ApiError | null)?.error;
  return typeof error === "object" && error !== null && typeof error.code === "string";
}

function isEvidenceAnswer(body: unknown): body is EvidenceAnswer {
  return typeof (body as EvidenceAnswer | null)?.id === "number";
}

/** Refusals worth retrying: timeouts, conflicts with a request still in flight. */
const TRANSIENT = new Set([408, 409, 425]);

/**
 * Whether an answer is definitive. Only our API's own JSON counts: a captive portal's or a proxy's
 * page (HTML, any status) says nothing about the submission, so it stays queued. Except 413 and
 * 415, whoever sends them: a proxy refusing the body's size would refuse it on every retry. A 401
 * keeps it: a session that expired while offline must not cost the monitor their evidence, and
 * so does a 429 (too many uploads for now: it goes later, by itself).
 */
export function classifyAnswer(status: number, body: unknown, fields: EvidenceFields): SendOutcome {
  if (status >= 200 && status < 300) {
    return isEvidenceAnswer(body) ? { kind: "sent", evidence: body } : { kind: "kept", reason: "server" };
  }
  if (status === 429) return { kind: "kept", reason: "busy" };
  if (status === 413 || status === 415) {
    return { kind: "refused", ...errorsFromAnswer(status, isApiError(body) ? body : null, fields) };
  }
  if (!isApiError(body)) return { kind: "kept", reason: "server" };
  if (status === 401) return { kind: "kept", reason: "signIn" };
  if (status >= 400 && status < 500 && !TRANSIENT.has(status)) {
    return { kind: "refused", ...errorsFromAnswer(status, body, fields) };
  }
  return { kind: "kept", reason: "server" };
}

/**
 * The server's issues as our own field errors. Its English `message` is for scripts; the path and
 * the value that was sent say which of our translated texts fits. `null`: not our API's JSON (a
 * proxy's 413 page), so only the status speaks.
 */
export function errorsFromAnswer(
  status: number,
  body: ApiError | null,
  fields: EvidenceFields,
): { errors: EvidenceErrors; problem: FormProblem } {
  if (status === 403) return { errors: {}, problem: "forbidden" };
  if (status === 404) return { errors: {}, problem: "notFound" };
  if (body?.error.code === "too_many_files") return { errors: { files: ["tooManyFiles"] }, problem: "form" };
  const errors: EvidenceErrors = {};
  for (const { path } of body?.error.issues ?? []) {
    const key = keyFor(status, path, fields, body?.error.code);
    if (key && !errors[path]?.includes(key)) (errors[path] ??= []).push(key);
  }
  const aboutFiles = Object.keys(errors).some((path) => path === "files" || path.startsWith("files."));
  if (status === 413 && !aboutFiles) errors.files = ["file_too_large"];
  if (status === 415 && !aboutFiles) errors.files = ["file_type"];
  return { errors, problem: "form" };
}

function keyFor(status: number, path: string, fields: EvidenceFields, code?: string): ErrorKey | null {
  if (path === "files" || /^files\.\d+$/.test(path)) {
    if (code === "image_too_large") return "image_too_large";
    return status === 413 ? "file_too_large" : status === 415 ? "file_type" : "invalid";
  }
  switch (path) {
    case "observedOn":
      return fields.observedOn ? "invalid_date" : "required";
    case "kind":
      return fields.kind ? "invalid_choice" : "required";
    case "summary":
      return !fields.summary.trim() ? "required" : fields.summary.length > MAX_SUMMARY ? "too_long" : "invalid";
    case "sourceUrl":
      return "invalidUrl";
    case "suggestedStatus":
    case "period":
      return "invalid_choice";
    default:
      // A path the form has no field for: the form-level message covers it.
      return null;
  }
}

/** A v4 UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The messages the monitor's client components receive (not the whole dictionary: slow 3G). */
export type MonitorMessages = Pick<Messages, "monitor" | "errors" | "uploadLimits"> & {
  auth: Pick<Messages["auth"], "login">;
};

export function errorText(key: ErrorKey, m: MonitorMessages): string {
  if (key === "invalidUrl") return m.monitor.invalidUrl;
  if (key === "tooManyFiles") return m.monitor.tooManyFiles;
  return m.errors[key];
}

/** The form's fields in page order, then the files: the first of these in error gets the focus. */
const FIELD_ORDER = ["period", "observedOn", "kind", "summary", "sourceUrl", "suggestedStatus"];

/** The path of the first field in error, in the order the form shows them (`files` last). */
export function firstErrorPath(errors: EvidenceErrors): string | null {
  const rank = (path: string) => {
    const field = FIELD_ORDER.indexOf(path);
    if (field >= 0) return field;
    const file = /^files\.(\d+)$/.exec(path);
    return file ? FIELD_ORDER.length + Number(file[1]) : Number.MAX_SAFE_INTEGER;
  };
  const paths = Object.keys(errors).filter((path) => errors[path].length > 0);
  return paths.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
