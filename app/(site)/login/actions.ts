"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/auth";
import type { LoginState } from "@/components/auth/login-form";

/** Only same-site paths: `next=//evil.example` or absolute URLs must not redirect away. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

export async function login(_state: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeNext(formData.get("next")),
    });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are answers for the form.
    if (!(error instanceof AuthError)) throw error;
    return { error: error instanceof CredentialsSignin && error.code === "throttled" ? "throttled" : "invalid", email };
  }
  return { email };
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
