"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { CommandError } from "@/db/commands/errors";
import { reviewEvidence } from "@/db/commands/review";
import { reviewFromForm } from "@/db/commands/review-input";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";
import { logRefusal } from "@/app/refusal-log";

/** What the queue page says after a review: `?result=` (see page.tsx). */
export type ReviewOutcome = "accepted" | "rejected" | "conflict";

/**
 * Reviews one piece of evidence. On success the item leaves the queue, so its form (and any
 * message in it) unmounts: the outcome is told by the page, through the URL it redirects to.
 */
export async function reviewEvidenceAction(
  evidenceId: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  let outcome: ReviewOutcome;
  try {
    outcome = reviewEvidence(await getViewer(), evidenceId, reviewFromForm(formData)).reviewState;
  } catch (error) {
    // Someone else reviewed it meanwhile: show the refreshed queue rather than a field error.
    if (error instanceof CommandError && error.status === 409) {
      logRefusal(error);
      outcome = "conflict";
    } else return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/review?result=${outcome}`);
}
