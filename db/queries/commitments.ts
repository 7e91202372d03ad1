import "server-only";
import { and, asc, count, eq, exists, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { CommitmentDto } from "../api-schemas";
import { periodsOf, recurrenceOf } from "./periods";
import { getDb } from "../client";
import { appTimeZone } from "../config";
import { visibleCommitments, type Viewer } from "../access";
import { isOverdue, OPEN_STATUSES, todayIn } from "../rules";
import { commitmentParties, commitments, mesas, parties } from "../schema";
import type { CommitmentFilters } from "./filters";
import { qualityConditions } from "./quality";
import { matchExpression, searchHits } from "./search";

export type { CommitmentDto };

/** The columns of a commitment as CONTRACT §5 shows it. */
export const dtoColumns = {
  id: commitments.id,
  code: commitments.code,
  mesa: mesas.slug,
  title: commitments.title,
  text: commitments.text,
  theme: commitments.theme,
  madeOn: commitments.madeOn,
  dueOn: commitments.dueOn,
  status: commitments.status,
  visibility: commitments.visibility,
  supersededBy: commitments.supersededBy,
  updatedAt: commitments.updatedAt,
  recurrence: commitments.recurrence,
  startsOn: commitments.startsOn,
  endsOn: commitments.endsOn,
};

type DtoRow = Omit<CommitmentDto, "responsibleParties" | "overdue" | "recurrence" | "periods"> &
  Parameters<typeof recurrenceOf>[0];

export function filterWhere(viewer: Viewer, filters: Partial<CommitmentFilters>, today: string): SQL {
  const db = getDb();
  return and(
    visibleCommitments(viewer),
    // The mesa's id, looked up once: counting then needs no join with mesas.
    filters.mesa
      ? eq(commitments.mesaId, sql`(SELECT ${mesas.id} FROM ${mesas} WHERE ${mesas.slug} = ${filters.mesa})`)
      : undefined,
    filters.status ? eq(commitments.status, filters.status) : undefined,
    filters.theme ? eq(commitments.theme, filters.theme) : undefined,
    filters.overdue
      ? and(inArray(commitments.status, [...OPEN_STATUSES]), isNotNull(commitments.dueOn), lt(commitments.dueOn, today))
      : undefined,
    filters.quality ? qualityConditions({})[filters.quality] : undefined,
    filters.party
      ? exists(
          db
            .select({ one: sql`1` })
            .from(commitmentParties)
            .innerJoin(parties, eq(parties.id, commitmentParties.partyId))
            .where(and(eq(commitmentParties.commitmentId, commitments.id), eq(parties.slug, filters.party))),
        )
      : undefined,
  )!;
}

/**
 * One page of the commitments the viewer may see. With `q`, only those matching every word of it
 * (see `matchExpression`), best match first; a `q` without any word matches nothing.
 */
export function listCommitments(viewer: Viewer, filters: CommitmentFilters) {
  const db = getDb();
  const today = todayIn(appTimeZone());
  const { page, pageSize } = filters;
  const match = filters.q ? matchExpression(filters.q) : null;
  if (filters.q && !match) return { data: [], page, pageSize, total: 0 };
  const hits = match ? searchHits(match) : undefined;
  const where = and(filterWhere(viewer, filters, today), hits ? eq(hits.id, commitments.id) : undefined);
  const withMesa = eq(mesas.id, commitments.mesaId);
  // (mesa, code) is unique and indexed: a page reads its rows in index order instead of sorting
  // every match (a quarter of a second at 200,000 commitments).
  const order = [asc(commitments.mesaId), asc(commitments.code)];
  const offset = (page - 1) * pageSize;

  // NOTE: with a search, the hits come first in a CROSS JOIN, which SQLite never reorders: the
  // index is read once and each hit finds its commitment by id. Left to the planner, it ran the
  // MATCH once per visible commitment (minutes at 200,000 commitments).
  const total =
    (hits
      ? db.select({ n: count() }).from(hits).crossJoin(commitments).where(where).get()
      : db.select({ n: count() }).from(commitments).where(where).get()
    )?.n ?? 0;
  const rows = hits
    ? db
        .select(dtoColumns)
        .from(hits)
        .crossJoin(commitments)
        .innerJoin(mesas, withMesa)
        .where(where)
        .orderBy(asc(hits.rank), ...order)
        .limit(pageSize)
        .offset(offset)
        .all()
    : db
        .select(dtoColumns)
        .from(commitments)
        .innerJoin(mesas, withMesa)
        .where(where)
        .orderBy(...order)
        .limit(pageSize)
        .offset(offset)
        .all();
  return { data: toDtos(viewer, rows, today), page, pageSize, total };
}

export function findCommitmentRow(viewer: Viewer, id: number) {
  return getDb()
    .select({ ...dtoColumns, mesaId: commitments.mesaId, mesaName: mesas.name, meetingId: commitments.meetingId })
    .from(commitments)
    .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
    .where(and(eq(commitments.id, id), visibleCommitments(viewer)))
    .get();
}

export function toDtos(viewer: Viewer, rows: DtoRow[], today: string): CommitmentDto[] {
  const partiesById = responsiblePartiesOf(
    viewer,
    rows.map((r) => r.id),
  );
  const visibleTargets = visibleIds(
    viewer,
    rows.flatMap((r) => (r.supersededBy === null ? [] : [r.supersededBy])),
  );
  const recurrences = new Map(rows.map((row) => [row.id, recurrenceOf(row)]));
  const periods = periodsOf(
    viewer,
    rows.map((row) => ({ id: row.id, recurrence: recurrences.get(row.id)! })),
    today,
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    mesa: row.mesa,
    title: row.title,
    text: row.text,
    theme: row.theme,
    responsibleParties: partiesById.get(row.id) ?? [],
    madeOn: row.madeOn,
    dueOn: row.dueOn,
    status: row.status,
    overdue: isOverdue(row, today),
    visibility: row.visibility,
    // A replacement the viewer may not see is not named: its id alone would reveal it exists.
    supersededBy: row.supersededBy !== null && visibleTargets.has(row.supersededBy) ? row.supersededBy : null,
    updatedAt: row.updatedAt,
    recurrence: recurrences.get(row.id)!,
    periods: periods.get(row.id) ?? [],
  }));
}

function visibleIds(viewer: Viewer, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = getDb()
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(inArray(commitments.id, ids), visibleCommitments(viewer)))
    .all();
  return new Set(rows.map((r) => r.id));
}

export type ResponsibleParty = CommitmentDto["responsibleParties"][number];

/** Each commitment's responsible parties, the lead first; of the commitments the viewer can see. */
export function responsiblePartiesOf(viewer: Viewer, ids: number[]) {
  const result = new Map<number, ResponsibleParty[]>();
  if (ids.length === 0) return result;
  const rows = getDb()
    .select({
      commitmentId: commitmentParties.commitmentId,
      slug: parties.slug,
      name: parties.name,
      lead: commitmentParties.isLead,
    })
    .from(commitmentParties)
    .innerJoin(parties, eq(parties.id, commitmentParties.partyId))
    .innerJoin(commitments, eq(commitments.id, commitmentParties.commitmentId))
    .where(and(inArray(commitmentParties.commitmentId, ids), visibleCommitments(viewer)))
    .orderBy(sql`${commitmentParties.isLead} DESC`, asc(parties.name))
    .all();
  for (const { commitmentId, ...party } of rows) {
    const list = result.get(commitmentId) ?? [];
    list.push(party);
    result.set(commitmentId, list);
  }
  return result;
}
