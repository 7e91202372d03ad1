import { getI18n } from "@/i18n/server";

/** What a streamed page shows until its figures arrive. */
export async function Loading({ page = false }: { page?: boolean }) {
  const { m } = await getI18n();
  return (
    <p className={page ? "loading loading-page" : "loading"} role="status">
      {m.loading}
    </p>
  );
}
