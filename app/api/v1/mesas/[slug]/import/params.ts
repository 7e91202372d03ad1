import { z } from "zod";

/** `?dryRun=true`: check the file and answer the preview, writing nothing. */
export const importParamsSchema = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
