import type { Metadata } from "next";
import { MailPreferencesForm } from "@/components/account/mail-preferences-form";
import { mailPreferences } from "@/db/queries/subscriptions";
import { LOCALES } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { requirePageViewer } from "../../guard";
import { mailPreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.notificationSettings.title };
}

export default async function NotificationsPage() {
  const viewer = await requirePageViewer("/account/notifications");
  const { m } = await getI18n();
  return (
    <>
      <h1>{m.notificationSettings.title}</h1>
      <p className="lead">{m.notificationSettings.intro}</p>
      <MailPreferencesForm
        action={mailPreferencesAction}
        saved={mailPreferences(viewer)}
        locales={[...LOCALES]}
        m={m}
      />
    </>
  );
}
