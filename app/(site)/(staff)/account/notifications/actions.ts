"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { setMailPreferences } from "@/db/commands/subscriptions";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";

export async function mailPreferencesAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    setMailPreferences(await getViewer(), values);
  } catch (error) {
    return formFailure(error, values);
  }
  revalidatePath("/account/notifications");
  return { status: "saved", fieldErrors: {}, values: {} };
}
