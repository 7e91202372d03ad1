"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { textField } from "@/db/commands/form-data";
import { mesaSlugsFromForm, userFromForm } from "@/db/commands/user-input";
import {
  createUser,
  disableUser,
  enableUser,
  resetPassword,
  revokeUserTokens,
  setUserMesas,
  setUserRole,
} from "@/db/commands/users";
import { getViewer } from "@/db/session";
import { formFailure, formValues } from "@/app/form-actions";

// Each action: viewer → command (which checks for an admin and validates) → revalidate. The page
// stays where it is; each form shows its own answer.

const PATH = "/admin/users";
const SAVED: FormState = { status: "saved", fieldErrors: {}, values: {} };

/** A refused form's values, minus the password: a secret is never sent back to the browser. */
function refill(formData: FormData): FormState["values"] {
  const { password: _, ...values } = formValues(formData);
  return values;
}

async function run(formData: FormData, command: () => unknown): Promise<FormState> {
  try {
    await command();
  } catch (error) {
    return formFailure(error, refill(formData));
  }
  revalidatePath(PATH);
  return SAVED;
}

/** On success the answer carries the new account's email, for the confirmation (never the password). */
export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  let email: string;
  try {
    email = (await createUser(await getViewer(), userFromForm(formData))).email;
  } catch (error) {
    return formFailure(error, refill(formData));
  }
  revalidatePath(PATH);
  return { ...SAVED, values: { email } };
}

export async function setUserRoleAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => setUserRole(await getViewer(), userId, textField(formData, "role")));
}

export async function setUserMesasAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => setUserMesas(await getViewer(), userId, mesaSlugsFromForm(formData)));
}

export async function disableUserAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => disableUser(await getViewer(), userId));
}

export async function enableUserAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => enableUser(await getViewer(), userId));
}

export async function resetPasswordAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => resetPassword(await getViewer(), userId, textField(formData, "password")));
}

/** On success the answer carries how many tokens were revoked, for the confirmation. */
export async function revokeUserTokensAction(
  userId: number,
  _state: FormState,
  _formData: FormData,
): Promise<FormState> {
  let tokensRevoked: number;
  try {
    ({ tokensRevoked } = revokeUserTokens(await getViewer(), userId));
  } catch (error) {
    return formFailure(error, {});
  }
  revalidatePath(PATH);
  return { ...SAVED, values: { tokensRevoked: String(tokensRevoked) } };
}
