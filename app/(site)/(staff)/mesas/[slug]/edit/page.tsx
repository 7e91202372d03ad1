import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MesaForm } from "@/components/editing/mesa-form";
import { ParticipationForm } from "@/components/editing/participation-form";
import { MESA_STATUSES, PARTICIPATION_ROLES } from "@/db/enums";
import { getMesaProfile } from "@/db/queries/mesas";
import { listParties } from "@/db/queries/parties";
import { fill } from "@/i18n/locales";
import { getI18n } from "@/i18n/server";
import { setParticipationAction, updateMesaAction } from "../../actions";
import { requireMesaEditorPage } from "../../../guard";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).m.editing.editMesa };
}

export default async function EditMesaPage({ params }: Props) {
  const { slug } = await params;
  const mesa = getMesaProfile(slug);
  if (!mesa) notFound();
  const viewer = await requireMesaEditorPage(`/mesas/${slug}/edit`, mesa.id);
  const { m, f } = await getI18n();
  const e = m.editing;

  return (
    <>
      <h1>{e.editMesa}</h1>
      <p className="lead">
        <Link href={`/mesas/${mesa.slug}`}>{mesa.name}</Link>
      </p>

      <section aria-labelledby="mesa-data">
        <h2 id="mesa-data">{e.mesaData}</h2>
        <MesaForm
          action={updateMesaAction.bind(null, mesa.slug)}
          initial={{
            slug: mesa.slug,
            name: mesa.name,
            region: mesa.region,
            province: mesa.province ?? "",
            district: mesa.district ?? "",
            convenedOn: mesa.convenedOn ?? "",
            status: mesa.status,
            description: mesa.description,
            conveningBody: mesa.conveningBody ?? "",
            followUpBody: mesa.followUpBody ?? "",
            sourceLinks: mesa.sourceLinks.join("\n"),
            latitude: mesa.latitude === null ? "" : String(mesa.latitude),
            longitude: mesa.longitude === null ? "" : String(mesa.longitude),
          }}
          statuses={MESA_STATUSES}
          withSlug={false}
          m={m}
        />
      </section>

      <section aria-labelledby="participation">
        <h2 id="participation">{e.participation}</h2>
        <p className="muted">
          {e.partiesAdminOnly} {viewer.role === "admin" && <Link href="/admin/parties">{e.manageParties}</Link>}
        </p>
        <ParticipationForm
          action={setParticipationAction.bind(null, mesa.slug)}
          parties={listParties()}
          current={Object.fromEntries(mesa.parties.map((p) => [p.slug, p.role]))}
          roles={PARTICIPATION_ROLES}
          m={m}
        />
      </section>

      <section aria-labelledby="meetings">
        <h2 id="meetings">{e.meetings}</h2>
        {mesa.meetings.length === 0 ? (
          <p>{m.mesa.noMeetings}</p>
        ) : (
          <ul>
            {mesa.meetings.map((meeting) => (
              <li key={meeting.number}>
                <Link href={`/mesas/${mesa.slug}/meetings/${meeting.number}/edit`}>
                  {fill(e.editMeeting, { n: meeting.number })}
                </Link>{" "}
                — {f.date(meeting.heldOn)}
                {meeting.place && ` — ${meeting.place}`}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/mesas/${mesa.slug}/meetings/new`} className="button">
            {e.newMeeting}
          </Link>
        </p>
      </section>
    </>
  );
}
