import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { getI18n } from "@/i18n/server";
import { login } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.auth.heading };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [{ m }, { next }] = await Promise.all([getI18n(), searchParams]);
  return (
    <div className="narrow">
      <h1>{m.auth.heading}</h1>
      <p className="lead">{m.auth.intro}</p>
      <LoginForm action={login} next={typeof next === "string" ? next : "/"} m={m.auth} />
    </div>
  );
}
