import type { Metadata } from "next";
import { getI18n } from "@/i18n/server";
import { MapSection } from "@/app/map-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.map.title };
}

/** CONTRACT §4: the mesas on a map of Peru, coloured by compliance, with the same figures as a table. */
export default async function MapPage() {
  const { m } = await getI18n();
  return (
    <>
      <h1>{m.map.title}</h1>
      <p className="lead">{m.map.intro}</p>
      <MapSection />
    </>
  );
}
