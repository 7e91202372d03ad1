import { getI18n } from "@/i18n/server";

export default async function Loading() {
  const { m } = await getI18n();
  return <p aria-live="polite">{m.loading}</p>;
}
