import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommitmentForm } from "@/components/commitments/commitment-form";
import { getCommitment } from "@/db/queries/commitment-detail";
import { parseId } from "@/db/queries/filters";
import { getMesaProfile } from "@/db/queries/mesas";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { updateCommitmentAction } from "../../actions";
import { commitmentFormOptions } from "../../form-options";
import { requireMesaEditorPage, requirePageViewer } from "../../../guard";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.forms.edit };
}

export default async function EditCommitmentPage({ params }: Props) {
  const id = parseId((await params).id);
  if (id === null) notFound();
  const path = `/commitments/${id}/edit`;
  const commitment = getCommitment(await requirePageViewer(path), id);
  if (!commitment) notFound();
  const mesa = getMesaProfile(commitment.mesa)!;
  await requireMesaEditorPage(path, mesa.id);
  const { m, f } = await getI18n();

  return (
    <>
      <h1>{fill(m.forms.editCommitment, { code: commitment.code })}</h1>
      <p className="lead">{mesa.name}</p>
      <CommitmentForm
        action={updateCommitmentAction.bind(null, id)}
        initial={{
          code: commitment.code,
          title: commitment.title,
          text: commitment.text,
          theme: commitment.theme,
          party: commitment.responsibleParties.map((p) => p.slug),
          lead: commitment.responsibleParties.find((p) => p.lead)?.slug ?? "",
          madeOn: commitment.madeOn,
          dueOn: commitment.dueOn ?? "",
          meeting: commitment.meeting === null ? "" : String(commitment.meeting),
          visibility: commitment.visibility,
          recurrence: commitment.recurrence?.every ?? "",
          startsOn: commitment.recurrence?.startsOn ?? "",
          endsOn: commitment.recurrence?.endsOn ?? "",
        }}
        options={commitmentFormOptions(mesa, m, f)}
        m={m}
      />
    </>
  );
}
