"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { meetingFromForm, mesaFromForm, newMesaFromForm, participationFromForm } from "@/db/commands/mesa-input";
import { createMeeting, createMesa, setParticipation, updateMeeting, updateMesa } from "@/db/commands/mesas";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";

// Each action: viewer → command (which validates and authorizes) → revalidate → redirect or
// "saved", the redirect outside try/catch (it works by throwing).

const SAVED: FormState = { status: "saved", fieldErrors: {}, values: {} };

/** Admin: a new mesa, then on to its edit page to set its participants. */
export async function createMesaAction(_state: FormState, formData: FormData): Promise<FormState> {
  let slug: string;
  try {
    slug = createMesa(await getViewer(), newMesaFromForm(formData)).slug;
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/mesas/${slug}/edit`);
}

export async function updateMesaAction(slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    updateMesa(await getViewer(), slug, mesaFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return SAVED;
}

export async function setParticipationAction(slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    setParticipation(await getViewer(), slug, participationFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  return SAVED;
}

export async function createMeetingAction(slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  try {
    createMeeting(await getViewer(), slug, meetingFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/mesas/${slug}#meetings`);
}

export async function updateMeetingAction(
  slug: string,
  number: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    updateMeeting(await getViewer(), slug, number, meetingFromForm(formData));
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  refresh();
  redirect(`/mesas/${slug}#meetings`);
}
