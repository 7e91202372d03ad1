"use server";

import { refresh } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { partyFromForm } from "@/db/commands/mesa-input";
import { createParty, updateParty } from "@/db/commands/parties";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";

// Parties are shared by all mesas: the commands let only admins write them.

const SAVED: FormState = { status: "saved", fieldErrors: {}, values: {} };

export async function createPartyAction(_state: FormState, formData: FormData): Promise<FormState> {
  try {
    createParty(await getViewer(), partyFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return SAVED;
}

export async function updatePartyAction(slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  const { name, kind } = partyFromForm(formData);
  try {
    updateParty(await getViewer(), slug, { name, kind });
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return SAVED;
}
