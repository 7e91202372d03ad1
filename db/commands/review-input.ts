import { z } from "zod";
import { STATUSES } from "../enums";
import { textField } from "./form-data";

/**
 * The body of `POST /api/v1/evidence/{id}/review` (CONTRACT §5), shared with the /review form:
 *
 *   { "decision": "accepted" | "rejected",
 *     "note": string,            // ≤ 2000 characters, trimmed; required when rejecting or with setStatus
 *     "setStatus": Status | null // optional; only when accepting; never "superseded" (it needs a replacement)
 *   }
 *
 * With `setStatus` the commitment's official status changes in the same transaction, the note is
 * the reason kept in its history, and that history entry cites this evidence.
 */
export const reviewSchema = z
  .object({
    decision: z.enum(["accepted", "rejected"]),
    note: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((note) => note || null),
    setStatus: z
      .enum(STATUSES)
      .nullish()
      .transform((status) => status ?? null),
  })
  .strict();
export type ReviewInput = z.output<typeof reviewSchema>;

/** A review form's fields → the API's input shape; the empty status option means "no change". */
export function reviewFromForm(formData: FormData) {
  return {
    decision: textField(formData, "decision"),
    note: textField(formData, "note"),
    setStatus: textField(formData, "setStatus") || null,
  };
}
