import { submittedEvidenceSchema } from "@/db/api-schemas";
import { evidenceTarget, submitEvidence } from "@/db/commands/evidence";
import { getViewer } from "@/db/session";
import { evidenceUploads } from "@/db/upload-budget";
import { receiveMultipart } from "@/db/uploads";
import { assertSameSite, documentedJson, idParam, respond, type IdContext } from "../../../respond";

/**
 * CONTRACT §5: multipart fields + `files`. Who may post, and whether they have sent too much
 * lately (429, db/upload-budget.ts), is checked before the upload is read; `Idempotency-Key`
 * makes retries (an offline phone's queue) store the evidence once.
 */
export function POST(request: Request, context: IdContext) {
  return respond(async () => {
    const target = evidenceTarget(await getViewer(), await idParam(context));
    assertSameSite(request);
    const declared = Number(request.headers.get("content-length"));
    const charge = evidenceUploads.admit(target.viewer.userId, Number.isFinite(declared) ? declared : 0);
    const received = await receiveMultipart(request);
    charge(received.files.reduce((sum, file) => sum + file.sizeBytes, 0));
    const stored = await submitEvidence(target, received, request.headers.get("idempotency-key"));
    return documentedJson(submittedEvidenceSchema, stored, { status: 201 });
  });
}
