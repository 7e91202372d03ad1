import { dashboardParamsSchema, firstValues, parseLeniently } from "@/db/queries/filters";

export type EmbedProps<P> = {
  params: Promise<P>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** An embed's view from its query (`mesa`, `party`, `theme`, `asOf`), bad values dropped. */
export async function embedView(searchParams: EmbedProps<unknown>["searchParams"]) {
  const { since: _, ...view } = parseLeniently(dashboardParamsSchema, firstValues(await searchParams));
  return view;
}
