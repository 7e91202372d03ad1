import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommitmentForm } from "@/components/commitments/commitment-form";
import { getMesaProfile } from "@/db/queries/mesas";
import { getI18n } from "@/i18n/server";
import { createCommitmentAction } from "../../../../commitments/actions";
import { commitmentFormOptions } from "../../../../commitments/form-options";
import { requireMesaEditorPage } from "../../../../guard";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.forms.newCommitment };
}

export default async function NewCommitmentPage({ params }: Props) {
  const { slug } = await params;
  const mesa = getMesaProfile(slug);
  if (!mesa) notFound();
  await requireMesaEditorPage(`/mesas/${slug}/commitments/new`, mesa.id);
  const { m, f } = await getI18n();

  return (
    <>
      <h1>{m.forms.newCommitment}</h1>
      <p className="lead">{mesa.name}</p>
      <CommitmentForm
        action={createCommitmentAction.bind(null, mesa.slug)}
        initial={{
          code: "",
          title: "",
          text: "",
          theme: "",
          party: [],
          lead: "",
          madeOn: "",
          dueOn: "",
          meeting: "",
          visibility: "public",
          recurrence: "",
          startsOn: "",
          endsOn: "",
        }}
        options={commitmentFormOptions(mesa, m, f)}
        m={m}
      />
    </>
  );
}
