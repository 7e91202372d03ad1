import { MapTable } from "@/components/map/map-table";
import { MesaMap } from "@/components/map/mesa-map";
import { listMesas } from "@/db/queries/mesas";
import { pageViewer } from "@/app/page-viewer";
import { getI18n } from "@/i18n/server";

/**
 * The map and its table, for /map and /embed/map: the mesas the viewer may see with today's
 * figures from the one aggregate loader (the overview's and `/api/v1/mesas`'s own).
 */
export async function MapSection({ embed = false }: { embed?: boolean }) {
  const [{ m, f }, viewer] = await Promise.all([getI18n(), pageViewer()]);
  const mesas = await listMesas(viewer);
  const target = embed ? "_blank" : undefined;
  return (
    <>
      <MesaMap mesas={mesas} m={m} f={f} target={target} />
      <MapTable mesas={mesas} m={m} f={f} target={target} />
    </>
  );
}
