import type { Db } from "../connection";
import { appTimeZone } from "../config";
import { generatePassword, hashPassword } from "../passwords";
import { endOfDayInstant, shiftDate, todayIn } from "../rules";
import {
  appSettings,
  auditLog,
  commitmentParties,
  commitmentPeriods,
  commitments,
  evidence,
  meetingAttendance,
  meetings,
  mesaParties,
  mesas,
  parties,
  periodStatusChanges,
  statusChanges,
  userMesas,
  users,
} from "../schema";
import { DEMO_SETTING } from "../settings";
import { DEMO_MESAS, DEMO_PARTIES } from "./demo-data";
import type { DemoCommitment } from "./demo-types";
import type { PeriodStatus } from "../enums";

/** Accounts that the demo history is attributed to. Their passwords are random and never shown. */
const DEMO_USERS = {
  commissioner: { email: "comisionada.demo@mesamonitor.example", name: "Comisionada (demo)", role: "commissioner" },
  monitor: { email: "monitor.demo@mesamonitor.example", name: "Monitor comunitario (demo)", role: "monitor" },
  admin: {
    email: "coordinacion.demo@mesamonitor.example",
    name: "Coordinación de la mesa (demo)",
    role: "commissioner",
  },
} as const;

export function hasAnyMesa(db: Db): boolean {
  return db.select({ id: mesas.id }).from(mesas).limit(1).get() !== undefined;
}

/**
 * Loads the illustrative demo set into an empty database, all or nothing. Dates are relative
 * to `today`, so there are always overdue, due-soon and closed commitments.
 */
export async function loadDemo(db: Db, today = todayIn(appTimeZone())): Promise<void> {
  if (hasAnyMesa(db)) throw new Error("The database already has mesas: the demo set loads only into an empty one.");
  const passwordHashes = await Promise.all(Object.values(DEMO_USERS).map(() => hashPassword(generatePassword())));
  const tz = appTimeZone();
  const day = (daysAgo: number) => shiftDate(today, -daysAgo);
  // Noon of that day in the app's time zone.
  const instant = (daysAgo: number) =>
    new Date(endOfDayInstant(day(daysAgo), tz).getTime() - 12 * 3600_000).toISOString();

  db.transaction((tx) => {
    const userIds = {} as Record<keyof typeof DEMO_USERS, number>;
    Object.entries(DEMO_USERS).forEach(([key, user], i) => {
      userIds[key as keyof typeof DEMO_USERS] = tx
        .insert(users)
        .values({ ...user, passwordHash: passwordHashes[i] })
        .returning({ id: users.id })
        .get().id;
    });

    const partyIds = new Map<string, number>();
    for (const party of DEMO_PARTIES) {
      partyIds.set(party.slug, tx.insert(parties).values(party).returning({ id: parties.id }).get().id);
    }
    const partyId = (slug: string) => {
      const id = partyIds.get(slug);
      if (id === undefined) throw new Error(`Demo data names an unknown party: ${slug}`);
      return id;
    };

    for (const demoMesa of DEMO_MESAS) {
      const { parties: members, meetings: demoMeetings, commitments: demoCommitments, ...fields } = demoMesa;
      const mesaId = tx.insert(mesas).values(fields).returning({ id: mesas.id }).get().id;
      for (const m of members)
        tx.insert(mesaParties)
          .values({ mesaId, partyId: partyId(m.party), role: m.role })
          .run();
      tx.insert(userMesas)
        .values([userIds.commissioner, userIds.monitor].map((userId) => ({ userId, mesaId })))
        .run();

      const meetingIds = new Map<number, number>();
      for (const m of demoMeetings) {
        const meetingId = tx
          .insert(meetings)
          .values({ mesaId, number: m.number, heldOn: day(m.daysAgo), place: m.place, summary: m.summary })
          .returning({ id: meetings.id })
          .get().id;
        meetingIds.set(m.number, meetingId);
        for (const slug of m.attendees)
          tx.insert(meetingAttendance)
            .values({ meetingId, partyId: partyId(slug) })
            .run();
      }

      // Replacements first, so that a superseded commitment can point at its successor.
      const ordered = [...demoCommitments].sort(
        (a, b) => Number(a.status === "superseded") - Number(b.status === "superseded"),
      );
      const codeIds = new Map<string, number>();
      for (const c of ordered) {
        const id = insertCommitment(c);
        codeIds.set(c.code, id);
      }

      function insertCommitment(c: DemoCommitment): number {
        const changes = [
          {
            to: "pending" as const,
            daysAgo: c.madeDaysAgo,
            reason: "Registro del compromiso según el acta.",
            by: "commissioner" as const,
          },
          ...c.history,
        ];
        const supersededBy = c.supersededBy === undefined ? null : codeIds.get(c.supersededBy);
        if (supersededBy === undefined) throw new Error(`${c.code} is superseded by an unknown code`);
        const id = tx
          .insert(commitments)
          .values({
            mesaId,
            meetingId: c.meeting === undefined ? null : meetingIds.get(c.meeting),
            code: c.code,
            title: c.title,
            text: c.text,
            theme: c.theme,
            madeOn: day(c.madeDaysAgo),
            dueOn: c.dueInDays === null ? null : shiftDate(today, c.dueInDays),
            status: c.status,
            visibility: c.visibility ?? "public",
            supersededBy,
            recurrence: c.recurrence?.every ?? null,
            startsOn: c.recurrence ? day(c.recurrence.startsDaysAgo) : null,
            createdAt: instant(c.madeDaysAgo),
            updatedAt: instant(changes[changes.length - 1].daysAgo),
          })
          .returning({ id: commitments.id })
          .get().id;
        c.parties.forEach((slug, i) =>
          tx
            .insert(commitmentParties)
            .values({ commitmentId: id, partyId: partyId(slug), isLead: i === 0 })
            .run(),
        );
        changes.forEach((change, i) =>
          tx
            .insert(statusChanges)
            .values({
              commitmentId: id,
              fromStatus: i === 0 ? null : changes[i - 1].to,
              toStatus: change.to,
              changedBy: userIds[change.by],
              changedAt: instant(change.daysAgo),
              reason: change.reason,
            })
            .run(),
        );
        const periodStatus = new Map<number, PeriodStatus>();
        for (const change of c.recurrence?.periods ?? []) {
          tx.insert(periodStatusChanges)
            .values({
              commitmentId: id,
              n: change.n,
              fromStatus: periodStatus.get(change.n) ?? "pending",
              toStatus: change.to,
              changedBy: userIds.commissioner,
              changedAt: instant(change.daysAgo),
              reason: change.reason,
            })
            .run();
          periodStatus.set(change.n, change.to);
        }
        for (const [n, status] of periodStatus)
          tx.insert(commitmentPeriods).values({ commitmentId: id, n, status }).run();
        for (const e of c.evidence ?? []) {
          const reviewed = e.review !== "submitted";
          tx.insert(evidence)
            .values({
              commitmentId: id,
              submittedBy: userIds[e.by],
              observedOn: day(e.daysAgo),
              kind: e.kind,
              summary: e.summary,
              sourceUrl: e.sourceUrl ?? null,
              suggestedStatus: e.suggests ?? null,
              reviewState: e.review,
              reviewedBy: reviewed ? userIds.commissioner : null,
              reviewNote: e.reviewNote ?? null,
              reviewedAt: reviewed ? instant(Math.max(e.daysAgo - 2, 0)) : null,
              createdAt: instant(e.daysAgo),
            })
            .run();
        }
        return id;
      }
    }

    tx.insert(appSettings).values({ key: DEMO_SETTING, value: "true" }).run();
    tx.insert(auditLog)
      .values({
        action: "demo.load",
        entityType: "database",
        entityId: "demo",
        after: { mesas: DEMO_MESAS.length, parties: DEMO_PARTIES.length, day: today },
      })
      .run();
  });
}
