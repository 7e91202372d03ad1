"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { confirmFollow, requestFollow, unsubscribe } from "@/db/commands/subscriptions";
import { deliverQueued } from "@/db/notify/run";
import { formFailure, formValues } from "@/app/form-actions";

/** Stores the request and sends the confirmation e-mail once the answer has gone. */
export async function followAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    requestFollow(values);
  } catch (error) {
    return formFailure(error, values);
  }
  after(() => deliverQueued().catch((error) => console.error("notify: confirmation not sent", error)));
  return { status: "saved", fieldErrors: {}, values: {} };
}

/** The buttons of the links in e-mails: a POST, so a link scanner opening the page changes nothing. */
export async function confirmAction(token: string): Promise<void> {
  confirmFollow(token);
  redirect(`/subscribe/confirm/${encodeURIComponent(token)}`);
}

export async function unsubscribeAction(token: string): Promise<void> {
  unsubscribe(token);
  redirect(`/subscribe/unsubscribe/${encodeURIComponent(token)}`);
}
