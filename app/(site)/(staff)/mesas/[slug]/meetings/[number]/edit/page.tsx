import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingForm } from "@/components/editing/meeting-form";
import { parseId } from "@/db/queries/filters";
import { getMesaProfile } from "@/db/queries/mesas";
import { listParties } from "@/db/queries/parties";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { updateMeetingAction } from "../../../../actions";
import { requireMesaEditorPage } from "../../../../../guard";

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: fill((await getI18n()).m.editing.editMeeting, { n: (await params).number }) };
}

export default async function EditMeetingPage({ params }: Props) {
  const { slug, number: raw } = await params;
  // Meeting numbers are positive integers, like commitment ids.
  const number = parseId(raw);
  const mesa = getMesaProfile(slug);
  const meeting = mesa?.meetings.find((candidate) => candidate.number === number);
  if (!mesa || !meeting || number === null) notFound();
  await requireMesaEditorPage(`/mesas/${slug}/meetings/${number}/edit`, mesa.id);
  const { m } = await getI18n();

  return (
    <>
      <h1>{fill(m.editing.editMeeting, { n: number })}</h1>
      <p className="lead">
        <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
      </p>
      <MeetingForm
        action={updateMeetingAction.bind(null, mesa.slug, number)}
        initial={{
          number: String(meeting.number),
          heldOn: meeting.heldOn,
          place: meeting.place ?? "",
          summary: meeting.summary,
          attendee: meeting.attendees.map((a) => a.slug),
        }}
        parties={listParties()}
        m={m}
      />
    </>
  );
}
