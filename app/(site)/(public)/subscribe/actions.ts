"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { CommandError } from "@/db/commands/errors";
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
  followLink(() => confirmFollow(token));
  redirect(`/subscribe/confirm/${asPathSegment(token)}`);
}

export async function unsubscribeAction(token: string): Promise<void> {
  followLink(() => unsubscribe(token));
  redirect(`/subscribe/unsubscribe/${asPathSegment(token)}`);
}

/** Our tokens are base64url; anything else (a tampered form) leads to the "link not valid" page. */
function asPathSegment(token: string): string {
  return /^[\w-]{1,100}$/.test(token) ? token : "invalid";
}

/** A link that no longer works is explained by the page it leads back to, not an error page. */
function followLink(command: () => void): void {
  try {
    command();
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
  }
}
