import type { Metadata } from "next";
import { getI18n } from "@/i18n/server";
import { MapSection } from "@/app/map-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.map.title };
}

/** The map of the mesas for other sites to frame; its links open the site in a new tab. */
export default async function MapEmbed() {
  const { m } = await getI18n();
  return (
    <>
      <h1>{m.map.title}</h1>
      <MapSection embed />
    </>
  );
}
