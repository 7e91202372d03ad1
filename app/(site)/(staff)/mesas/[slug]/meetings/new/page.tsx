import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingForm } from "@/components/editing/meeting-form";
import { getMesaProfile } from "@/db/queries/mesas";
import { listParties } from "@/db/queries/parties";
import { getI18n } from "@/i18n/server";
import { createMeetingAction } from "../../../actions";
import { requireMesaEditorPage } from "../../../../guard";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.editing.newMeeting };
}

export default async function NewMeetingPage({ params }: Props) {
  const { slug } = await params;
  const mesa = getMesaProfile(slug);
  if (!mesa) notFound();
  await requireMesaEditorPage(`/mesas/${slug}/meetings/new`, mesa.id);
  const { m } = await getI18n();
  const next = Math.max(0, ...mesa.meetings.map((meeting) => meeting.number)) + 1;

  return (
    <>
      <h1>{m.editing.newMeeting}</h1>
      <p className="lead">
        <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
      </p>
      <MeetingForm
        action={createMeetingAction.bind(null, mesa.slug)}
        initial={{ number: String(next), heldOn: "", place: "", summary: "", attendee: [] }}
        parties={listParties()}
        m={m}
      />
    </>
  );
}
