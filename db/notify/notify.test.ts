import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { changeStatus } from "../commands/status";
import { reviewEvidence } from "../commands/review";
import { confirmFollow, requestFollow, setMailPreferences, unsubscribe } from "../commands/subscriptions";
import { makeCommitment, makeEvidence, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { outbox, subscriptions, userMesas } from "../schema";
import { viewerForUser } from "../viewers";
import { shiftDate, todayIn } from "../rules";
import { claimNext } from "./outbox";
import { deliverQueued, sendDue } from "./run";
import { POST as oneClick } from "@/app/(site)/(public)/subscribe/unsubscribe/[token]/one-click/route";

// E-mail end to end against an in-process SMTP server: what is queued, who gets it, once.

const received: ParsedMail[] = [];
let server: SMTPServer;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.AUTH_URL = "https://mesa.example";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
});

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.text;
/** A header as sent (mailparser turns List-* headers into objects). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, "");
const mailTo = (address: string) => received.filter((mail) => to(mail) === address);

/** A Monday at 08:00 in Lima, after the digest hour; its calendar day. */
function nextMondayMorning() {
  const now = new Date();
  const daysAhead = (8 - now.getUTCDay()) % 7 || 7;
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, 13));
  return { now: monday, today: todayIn("America/Lima", monday) };
}

function staff(role: "monitor" | "commissioner", mesaId: number) {
  const user = makeUser(role);
  getDb().insert(userMesas).values({ userId: user.id, mesaId }).run();
  return user;
}

describe("digests", () => {
  it("tell a commissioner what falls due, what fell due and what waits, and a monitor how their evidence was judged", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const other = makeMesa();
    const party = makeParty();
    const commissioner = staff("commissioner", mesa.id);
    const monitor = staff("monitor", mesa.id);
    const soon = makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      dueOn: shiftDate(today, 5),
      title: "Pozo de agua",
    });
    makeCommitment({ mesaId: mesa.id, partyIds: [party.id], dueOn: shiftDate(today, 30), title: "Lejano" });
    makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      dueOn: shiftDate(today, 3),
      status: "fulfilled",
      title: "Ya cumplido",
    });
    makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      dueOn: shiftDate(today, -3),
      title: "Vencido la semana pasada",
    });
    makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      dueOn: shiftDate(today, -40),
      title: "Vencido hace mucho",
    });
    makeCommitment({ mesaId: other.id, partyIds: [party.id], dueOn: shiftDate(today, 2), title: "Otra mesa" });
    makeEvidence(soon.id, monitor.id, "submitted");
    const judged = makeEvidence(soon.id, monitor.id, "submitted");
    reviewEvidence(viewerForUser(commissioner.id), judged.id, {
      decision: "rejected",
      note: "La foto no muestra el pozo.",
    });

    const run = await sendDue(now);
    expect(run.failed).toBe(0);

    const [forCommissioner] = mailTo(commissioner.email);
    expect(forCommissioner.subject).toContain("resumen semanal");
    expect(forCommissioner.text).toContain("Pozo de agua");
    expect(forCommissioner.text).toContain("Vencido la semana pasada");
    expect(forCommissioner.text).toContain("Evidencias que esperan su revisión");
    expect(forCommissioner.text).not.toContain("Lejano");
    expect(forCommissioner.text).not.toContain("Ya cumplido");
    expect(forCommissioner.text).not.toContain("Vencido hace mucho");
    expect(forCommissioner.text).not.toContain("Otra mesa");
    expect(header(forCommissioner, "list-unsubscribe")).toMatch(
      /^<https:\/\/mesa\.example\/subscribe\/unsubscribe\/.+\/one-click>$/,
    );

    const [forMonitor] = mailTo(monitor.email);
    expect(forMonitor.text).toContain("Pozo de agua");
    expect(forMonitor.text).toContain("rechazada");
    expect(forMonitor.text).toContain("La foto no muestra el pozo.");
    expect(forMonitor.text).not.toContain("Vencido la semana pasada");
  });

  it("are sent once a week, never twice across runs, and not before Monday's hour", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const commissioner = staff("commissioner", mesa.id);
    makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], dueOn: shiftDate(today, 1) });

    await sendDue(new Date(now.getTime() - 2 * 60 * 60 * 1000)); // 06:00 on Monday: too early
    expect(mailTo(commissioner.email)).toHaveLength(0);
    await sendDue(now);
    await sendDue(new Date(now.getTime() + 60 * 60 * 1000));
    await sendDue(new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000));
    expect(mailTo(commissioner.email)).toHaveLength(1);
  });

  it("a message claimed by a run that then died is not sent again by the next run", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const commissioner = staff("commissioner", mesa.id);
    makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], dueOn: shiftDate(today, 1) });
    // A run queues the digest and claims it, then the process is killed before sending.
    const { queueDigests } = await import("./digests");
    expect(queueDigests(now)).toBe(1);
    const claimed = claimNext();
    expect(claimed?.to).toBe(commissioner.email);

    const after = await sendDue(now);
    expect(mailTo(commissioner.email)).toHaveLength(0);
    expect(after.interrupted).toBeGreaterThan(0);
  });

  it("follow the user's choice: off sends nothing, daily every day, in their language", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const quiet = staff("commissioner", mesa.id);
    const daily = staff("commissioner", mesa.id);
    makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], dueOn: shiftDate(today, 4) });
    setMailPreferences(viewerForUser(quiet.id), { digest: "off", locale: "es" });
    setMailPreferences(viewerForUser(daily.id), { digest: "daily", locale: "en" });

    await sendDue(now);
    await sendDue(new Date(now.getTime() + 24 * 60 * 60 * 1000));
    expect(mailTo(quiet.email)).toHaveLength(0);
    const dailies = mailTo(daily.email);
    expect(dailies).toHaveLength(2);
    expect(dailies[0].subject).toContain("daily digest");
    expect(dailies[0].text).toContain("Due in the next 14 days");
  });
});

describe("review fixes", () => {
  it("a message the mail server refuses waits for the next run instead of being given up at once", async () => {
    const mesa = makeMesa();
    requestFollow({ email: "retry@example.org", locale: "es", target: `mesa:${mesa.slug}` });
    let calls = 0;
    const flaky = {
      async send() {
        calls++;
        if (calls === 1) throw new Error("421 try again later");
      },
    };
    const first = await deliverQueued(flaky);
    expect(first).toEqual({ sent: 0, failed: 1 });
    const second = await deliverQueued(flaky);
    expect(second).toEqual({ sent: 1, failed: 0 });
    expect(getDb().select().from(outbox).where(eq(outbox.toAddress, "retry@example.org")).get()?.state).toBe("sent");
  });

  it("a monitor's digest leaves out evidence on a mesa they no longer work on, and what was decided today", async () => {
    const { now, today } = nextMondayMorning();
    const kept = makeMesa();
    const left = makeMesa();
    const monitor = staff("monitor", kept.id);
    const commissioner = staff("commissioner", left.id);
    getDb().insert(userMesas).values({ userId: commissioner.id, mesaId: kept.id }).run();
    const secret = makeCommitment({
      mesaId: left.id,
      partyIds: [makeParty().id],
      visibility: "restricted",
      title: "SECRETO",
    });
    const visible = makeCommitment({
      mesaId: kept.id,
      partyIds: [makeParty().id],
      dueOn: shiftDate(today, 3),
      title: "Visible",
    });
    getDb().insert(userMesas).values({ userId: monitor.id, mesaId: left.id }).run();
    const onLeft = makeEvidence(secret.id, monitor.id, "submitted");
    const onKept = makeEvidence(visible.id, monitor.id, "submitted");
    getDb()
      .delete(userMesas)
      .where(and(eq(userMesas.userId, monitor.id), eq(userMesas.mesaId, left.id)))
      .run();
    reviewEvidence(viewerForUser(commissioner.id), onLeft.id, { decision: "rejected", note: "Nota reservada" });
    reviewEvidence(viewerForUser(commissioner.id), onKept.id, { decision: "accepted", note: null });

    await sendDue(now);
    const [digest] = mailTo(monitor.email);
    expect(digest.text).toContain("Visible");
    expect(digest.text).not.toContain("SECRETO");
    expect(digest.text).not.toContain("Nota reservada");

    // The window ends where today begins: what is decided after it waits for the next digest.
    const { digestFor } = await import("../queries/digest");
    const window = (until: string) => digestFor(viewerForUser(monitor.id)!, today, 7, "2000-01-01T00:00:00Z", until);
    expect(window(now.toISOString()).reviewed?.total).toBe(1);
    expect(window("2000-01-02T00:00:00Z").reviewed?.total).toBe(0);
  });

  it("a weekly digest with nothing to say is decided once: what comes later in the week waits for next week", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const commissioner = staff("commissioner", mesa.id);
    await sendDue(now);
    makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], dueOn: shiftDate(today, 5) });
    await sendDue(new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000));
    expect(mailTo(commissioner.email)).toHaveLength(0);
    await sendDue(new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000));
    expect(mailTo(commissioner.email)).toHaveLength(1);
  });

  it("an address gets at most five confirmations an hour, whatever it is asked to follow", async () => {
    const address = "victima@example.org";
    for (let i = 0; i < 8; i++) requestFollow({ email: address, locale: "es", target: `mesa:${makeMesa().slug}` });
    await sendDue(new Date(0));
    expect(mailTo(address)).toHaveLength(5);
  });
});

describe("following a mesa", () => {
  async function confirmationTo(address: string) {
    await sendDue(new Date(0));
    const mail = mailTo(address).at(-1)!;
    return /\/subscribe\/confirm\/([\w-]+)/.exec(mail.text ?? "")![1];
  }

  it("needs the address to confirm, then reports public changes once and never restricted ones", async () => {
    const mesa = makeMesa();
    const party = makeParty();
    const commissioner = staff("commissioner", mesa.id);
    const open = makeCommitment({ mesaId: mesa.id, partyIds: [party.id], title: "Agua potable para Fuerabamba" });
    const secret = makeCommitment({
      mesaId: mesa.id,
      partyIds: [party.id],
      title: "Acuerdo reservado",
      visibility: "restricted",
    });
    const viewer = viewerForUser(commissioner.id);
    const address = "comunera@example.org";

    requestFollow({ email: address, locale: "es", target: `mesa:${mesa.slug}` });
    const token = await confirmationTo(address);
    expect(mailTo(address)).toHaveLength(1);

    // Before confirming: nothing but the confirmation.
    changeStatus(viewer, open.id, { status: "in_progress", reason: "Obra iniciada" });
    await sendDue(new Date(0));
    expect(mailTo(address)).toHaveLength(1);

    confirmFollow(token);
    changeStatus(viewer, open.id, { status: "fulfilled", reason: "Obra entregada" });
    changeStatus(viewer, secret.id, { status: "broken", reason: "No se cumplió" });
    await sendDue(new Date(0));
    await sendDue(new Date(0));
    const news = mailTo(address).slice(1);
    expect(news).toHaveLength(1);
    expect(news[0].text).toContain("Agua potable para Fuerabamba");
    expect(news[0].text).toContain("«Cumplido»");
    expect(news[0].text).not.toContain("Obra iniciada");
    expect(news[0].text).not.toContain("Acuerdo reservado");
    expect(header(news[0], "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("stops at one click on List-Unsubscribe", async () => {
    const mesa = makeMesa();
    const commissioner = staff("commissioner", mesa.id);
    const commitment = makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id] });
    const address = "periodista@example.org";
    requestFollow({ email: address, locale: "en", target: `commitment:${commitment.id}` });
    confirmFollow(await confirmationTo(address));
    changeStatus(viewerForUser(commissioner.id), commitment.id, { status: "in_progress", reason: "Started" });
    await sendDue(new Date(0));
    const news = mailTo(address).at(-1)!;
    expect(news.subject).toContain("News of commitment");

    const url = /^<(.+)>$/.exec(header(news, "list-unsubscribe")!)![1];
    const token = /unsubscribe\/([\w-]+)\/one-click/.exec(url)![1];
    const response = await oneClick(
      new Request(url.replace("https://mesa.example", "http://localhost"), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);

    changeStatus(viewerForUser(commissioner.id), commitment.id, { status: "fulfilled", reason: "Done" });
    const before = mailTo(address).length;
    await sendDue(new Date(0));
    expect(mailTo(address)).toHaveLength(before);
  });

  it("refuses a restricted commitment as if it did not exist, and sends one confirmation an hour", async () => {
    const mesa = makeMesa();
    const secret = makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], visibility: "restricted" });
    expect(() => requestFollow({ email: "a@example.org", locale: "es", target: `commitment:${secret.id}` })).toThrow(
      expect.objectContaining({ issues: [{ path: "target", code: "invalid_choice" }] }),
    );
    const address = "b@example.org";
    requestFollow({ email: address, locale: "es", target: `mesa:${mesa.slug}` });
    requestFollow({ email: address, locale: "es", target: `mesa:${mesa.slug}` });
    await sendDue(new Date(0));
    expect(mailTo(address)).toHaveLength(1);
    expect(getDb().select().from(subscriptions).where(eq(subscriptions.email, address)).all()).toHaveLength(1);
  });

  it("an unsubscribe link from a digest turns the digest off", async () => {
    const { now, today } = nextMondayMorning();
    const mesa = makeMesa();
    const commissioner = staff("commissioner", mesa.id);
    makeCommitment({ mesaId: mesa.id, partyIds: [makeParty().id], dueOn: shiftDate(today, 2) });
    await sendDue(now);
    const digest = mailTo(commissioner.email)[0];
    unsubscribe(/subscribe\/unsubscribe\/([\w-]+)/.exec(digest.text ?? "")![1]);
    await sendDue(new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000));
    expect(mailTo(commissioner.email)).toHaveLength(1);
    expect(getDb().select().from(outbox).where(eq(outbox.toAddress, commissioner.email)).all()).toHaveLength(1);
  });
});
