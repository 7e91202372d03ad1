import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { MesaForm } from "@/components/editing/mesa-form";
import { MESA_STATUSES } from "@/db/enums";
import { getI18n } from "@/i18n/server";
import { createMesaAction } from "../../../mesas/actions";
import { requirePageViewer } from "../../../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.editing.newMesa };
}

/** Admins create mesas (and then assign commissioners to them); commissioners edit their own. */
export default async function NewMesaPage() {
  const viewer = await requirePageViewer("/admin/mesas/new");
  if (viewer.role !== "admin") forbidden();
  const { m } = await getI18n();

  return (
    <>
      <h1>{m.editing.newMesa}</h1>
      <MesaForm
        action={createMesaAction}
        initial={{
          slug: "",
          name: "",
          region: "",
          province: "",
          district: "",
          convenedOn: "",
          status: "active",
          description: "",
          conveningBody: "",
          sourceLinks: "",
        }}
        statuses={MESA_STATUSES}
        withSlug
        m={m}
      />
    </>
  );
}
