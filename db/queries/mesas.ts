import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Counts, MeetingSummary, MesaListItem, MesaParty } from "../api-schemas";
import { getDb } from "../client";
import type { Viewer } from "../access";
import { complianceRate, emptyTally, type Tally } from "../rules";
import { meetingAttendance, meetings, mesaParties, mesas, parties } from "../schema";
import { cachedFigures } from "../cache/figures";
import { tallyByMesa, tallyScope } from "./aggregates";

export type { Counts, MeetingSummary, MesaParty };

/** CONTRACT §5 counts: one number per status, plus overdue. */
export function countsOf(t: Tally): Counts {
  return { ...t.counts, overdue: t.overdue };
}

/** A mesa of `/mesas` (CONTRACT §5), with what the overview also shows. */
export type MesaSummary = MesaListItem & { id: number; total: number };

function figuresOf(t: Tally) {
  return { counts: countsOf(t), total: t.total, complianceRate: complianceRate(t) };
}

/** Every mesa with the counts the viewer may see, by name (cached until a write changes them). */
export function listMesas(viewer: Viewer, asOf?: string): Promise<MesaSummary[]> {
  return cachedFigures("mesas", viewer, { asOf }, () => {
    const byMesa = tallyByMesa(viewer, { asOf });
    return getDb()
      .select({
        id: mesas.id,
        slug: mesas.slug,
        name: mesas.name,
        region: mesas.region,
        status: mesas.status,
        latitude: mesas.latitude,
        longitude: mesas.longitude,
      })
      .from(mesas)
      .orderBy(asc(mesas.name))
      .all()
      .map((mesa) => ({ ...mesa, ...figuresOf(byMesa.get(mesa.id) ?? emptyTally()) }));
  });
}

/** A mesa's own facts, parties and meetings (public data; no counts), or null. */
export function getMesaProfile(slug: string) {
  const mesa = getDb()
    .select({
      id: mesas.id,
      slug: mesas.slug,
      name: mesas.name,
      region: mesas.region,
      province: mesas.province,
      district: mesas.district,
      convenedOn: mesas.convenedOn,
      status: mesas.status,
      description: mesas.description,
      conveningBody: mesas.conveningBody,
      followUpBody: mesas.followUpBody,
      sourceLinks: mesas.sourceLinks,
      latitude: mesas.latitude,
      longitude: mesas.longitude,
    })
    .from(mesas)
    .where(eq(mesas.slug, slug))
    .get();
  return mesa ? { ...mesa, parties: mesaPartiesOf(mesa.id), meetings: meetingsOf(mesa.id) } : null;
}

export type MesaProfile = NonNullable<ReturnType<typeof getMesaProfile>>;

/** A mesa with the counts the viewer may see (CONTRACT §5 `/mesas/{slug}`), or null. */
export async function getMesa(viewer: Viewer, slug: string, asOf?: string) {
  const mesa = getMesaProfile(slug);
  if (!mesa) return null;
  const scope = { mesaId: mesa.id, asOf };
  const figures = await cachedFigures("mesa", viewer, scope, () => figuresOf(tallyScope(viewer, scope)));
  return { ...mesa, ...figures };
}

export type MesaDetail = NonNullable<Awaited<ReturnType<typeof getMesa>>>;

function mesaPartiesOf(mesaId: number): MesaParty[] {
  return getDb()
    .select({ slug: parties.slug, name: parties.name, kind: parties.kind, role: mesaParties.role })
    .from(mesaParties)
    .innerJoin(parties, eq(parties.id, mesaParties.partyId))
    .where(eq(mesaParties.mesaId, mesaId))
    .orderBy(asc(parties.name))
    .all();
}

function meetingsOf(mesaId: number): MeetingSummary[] {
  const db = getDb();
  const rows = db
    .select({
      id: meetings.id,
      number: meetings.number,
      heldOn: meetings.heldOn,
      place: meetings.place,
      summary: meetings.summary,
      minutesSha256: meetings.minutesSha256,
      minutesName: meetings.minutesName,
    })
    .from(meetings)
    .where(eq(meetings.mesaId, mesaId))
    .orderBy(asc(meetings.number))
    .all();
  const attendance = rows.length
    ? db
        .select({ meetingId: meetingAttendance.meetingId, slug: parties.slug, name: parties.name })
        .from(meetingAttendance)
        .innerJoin(parties, eq(parties.id, meetingAttendance.partyId))
        .where(
          inArray(
            meetingAttendance.meetingId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(parties.name))
        .all()
    : [];
  return rows.map(({ id, minutesSha256, minutesName, ...meeting }) => ({
    ...meeting,
    minutes: minutesSha256 ? { sha256: minutesSha256, name: minutesName ?? minutesSha256 } : null,
    attendees: attendance.filter((a) => a.meetingId === id).map(({ slug, name }) => ({ slug, name })),
  }));
}

export function findMesaId(slug: string): number | undefined {
  return getDb().select({ id: mesas.id }).from(mesas).where(eq(mesas.slug, slug)).get()?.id;
}

/** Slugs and names of every mesa, for menus. */
export function listMesaNames() {
  return getDb().select({ slug: mesas.slug, name: mesas.name }).from(mesas).orderBy(asc(mesas.name)).all();
}
