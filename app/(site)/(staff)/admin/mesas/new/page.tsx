import type { Metadata } from "next";
import { MesaForm } from "@/components/editing/mesa-form";
import { MESA_STATUSES } from "@/db/enums";
import { getI18n } from "@/i18n/server";
import { createMesaAction } from "../../../mesas/actions";
import { requireAdminPage } from "../../../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.editing.newMesa };
}

/** Admins create mesas (and then assign commissioners to them); commissioners edit their own. */
export default async function NewMesaPage() {
  await requireAdminPage("/admin/mesas/new");
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
          followUpBody: "",
          sourceLinks: "",
          latitude: "",
          longitude: "",
        }}
        statuses={MESA_STATUSES}
        withSlug
        m={m}
      />
    </>
  );
}
