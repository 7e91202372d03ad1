"use server";

import { revalidatePath } from "next/cache";
import type { TokenFormState } from "@/components/account/create-token-form";
import type { FormState } from "@/components/forms/form-state";
import { createToken, revokeToken } from "@/db/commands/tokens";
import { getViewer } from "@/db/session";
import { getI18n } from "@/i18n/server";
import { formFailure, formValues } from "@/app/form-actions";

const PATH = "/account/tokens";

/** Answers the new token once, to be shown on the page; only its hash is stored. */
export async function createTokenAction(_state: TokenFormState, formData: FormData): Promise<TokenFormState> {
  let created: { name: string; token: string; expiresAt: string | null };
  try {
    const text = (key: string) => {
      const value = formData.get(key);
      return typeof value === "string" ? value : undefined;
    };
    created = createToken(await getViewer(), { name: text("name"), expiresIn: text("expiresIn") });
  } catch (error) {
    return formFailure(error, formValues(formData));
  }
  revalidatePath(PATH);
  const { name, token, expiresAt } = created;
  const expiresOn = expiresAt ? (await getI18n()).f.instant(expiresAt) : null;
  return { status: "saved", fieldErrors: {}, values: {}, created: { name, token, expiresOn } };
}

export async function revokeTokenAction(tokenId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  try {
    revokeToken(await getViewer(), tokenId);
  } catch (error) {
    return formFailure(error, {});
  }
  revalidatePath(PATH);
  return { status: "saved", fieldErrors: {}, values: {} };
}
