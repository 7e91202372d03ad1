"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { commitmentFromForm, periodStatusFromForm, statusChangeFromForm } from "@/db/commands/commitment-input";
import { createCommitment, updateCommitment } from "@/db/commands/commitments";
import { textField } from "@/db/commands/form-data";
import { parsePeriodNumber, setPeriodStatus } from "@/db/commands/period-status";
import { changeStatus } from "@/db/commands/status";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";

// Each action: viewer → command (which validates, authorizes and expires the cached figures it
// changes) → refresh the browser's view → redirect,
// the redirect outside try/catch (it works by throwing).

export async function createCommitmentAction(mesa: string, _state: FormState, formData: FormData): Promise<FormState> {
  let id: number;
  try {
    id = createCommitment(await getViewer(), { mesa, ...commitmentFromForm(formData) }).id;
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/commitments/${id}`);
}

export async function updateCommitmentAction(id: number, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    updateCommitment(await getViewer(), id, commitmentFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/commitments/${id}`);
}

export async function changeStatusAction(id: number, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    changeStatus(await getViewer(), id, statusChangeFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return { status: "saved", fieldErrors: {}, values: {} };
}

/** A period's status: the form names the period in `period` (errors about it come at `n`). */
export async function setPeriodStatusAction(id: number, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    const n = parsePeriodNumber(textField(formData, "period") ?? "");
    setPeriodStatus(await getViewer(), id, n, periodStatusFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return { status: "saved", fieldErrors: {}, values: {} };
}
