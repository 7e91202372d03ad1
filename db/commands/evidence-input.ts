import { z } from "zod";
import { EVIDENCE_KINDS, EVIDENCE_STATUSES } from "../enums";
import { isoDateSchema } from "../queries/filters";

// The fields of an evidence submission (multipart text fields; files come separately).

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const evidenceInputSchema = z.object({
  observedOn: isoDateSchema,
  kind: z.enum(EVIDENCE_KINDS),
  summary: z.string().trim().min(1).max(2000),
  sourceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: "invalid_url" })
      .max(2000)
      .optional(),
  ),
  suggestedStatus: z.preprocess(blankToUndefined, z.enum(EVIDENCE_STATUSES).optional()),
  /** For a recurring commitment: the period (1-based) the evidence is for; none is the whole. */
  period: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(100_000).optional()),
});
export type EvidenceInput = z.output<typeof evidenceInputSchema>;

/** Idempotency keys: what a client generated once per submission (a UUID, typically). */
export const idempotencyKeySchema = z.string().trim().min(1).max(200);
