import type { DigestFrequency, EvidenceKind, Status } from "@/db/enums";
import type { Digest, DigestCommitment, DigestEvidence, Listed } from "@/db/queries/digest";
import { DUE_SOON_DAYS } from "@/db/queries/digest";
import type { Formatter } from "@/i18n/format";
import { fill } from "@/i18n/fill";
import type { Messages } from "@/i18n/messages/es";

// The text of every e-mail, from data and the reader's messages. Plain text: light on a slow
// connection, read the same by every mail program and screen reader.

export type MailContext = { m: Messages; f: Formatter; origin: string };
export type Composed = { subject: string; text: string };

export type FollowedTarget =
  { type: "mesa" | "party"; name: string } | { type: "commitment"; code: string; title: string };

export function targetLabel(m: Messages, target: FollowedTarget): string {
  if (target.type === "commitment") return fill(m.mail.targetCommitment, target);
  return fill(target.type === "mesa" ? m.mail.targetMesa : m.mail.targetParty, target);
}

export function confirmationMail({ m, origin }: MailContext, target: FollowedTarget, token: string): Composed {
  const label = targetLabel(m, target);
  return {
    subject: fill(m.mail.confirmSubject, { target: label }),
    text: fill(m.mail.confirmBody, { target: label, url: `${origin}/subscribe/confirm/${token}` }),
  };
}

/** The page a link in an e-mail leads to for unsubscribing, and the RFC 8058 one-click address. */
export function unsubscribeUrls(origin: string, token: string) {
  const page = `${origin}/subscribe/unsubscribe/${token}`;
  return {
    page,
    headers: {
      "List-Unsubscribe": `<${page}/one-click>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

function section<T>(heading: string, list: Listed<T> | null, line: (item: T) => string[], m: Messages): string[] {
  if (!list || list.total === 0) return [];
  const lines = [
    heading,
    ...list.items.flatMap((item) => line(item).map((text, i) => (i ? `    ${text}` : `  - ${text}`))),
  ];
  if (list.total > list.items.length) lines.push(`  ${fill(m.mail.more, { n: list.total - list.items.length })}`);
  return [...lines, ""];
}

export function digestMail(
  { m, f, origin }: MailContext,
  name: string,
  frequency: Exclude<DigestFrequency, "off">,
  today: string,
  digest: Digest,
  token: string,
): Composed | null {
  const commitmentLine = (c: DigestCommitment) => [
    c.period === null
      ? fill(m.mail.commitmentLine, { code: c.code, title: c.title, mesa: c.mesa, due: f.date(c.dueOn) })
      : fill(m.mail.periodLine, { code: c.code, title: c.title, mesa: c.mesa, n: c.period, due: f.date(c.dueOn) }),
    `${origin}/commitments/${c.id}`,
  ];
  const evidenceLine = (e: DigestEvidence) => [
    fill(m.mail.evidenceLine, { code: e.code, title: e.title, kind: m.evidenceKind[e.kind], at: f.instant(e.at) }),
  ];
  const reviewedLine = (e: DigestEvidence) => [
    fill(m.mail.reviewedLine, {
      code: e.code,
      title: e.title,
      kind: m.evidenceKind[e.kind],
      decision: m.reviewState[e.decision!].toLowerCase(),
      at: f.instant(e.at),
    }),
    ...(e.note ? [fill(m.mail.reviewNote, { note: e.note })] : []),
    `${origin}/commitments/${e.commitmentId}`,
  ];
  const body = [
    ...section(fill(m.mail.dueSoonHeading, { days: DUE_SOON_DAYS }), digest.dueSoon, commitmentLine, m),
    ...section(m.mail.newlyOverdueHeading[frequency], digest.newlyOverdue, commitmentLine, m),
    ...section(m.mail.toReviewHeading, digest.toReview, evidenceLine, m),
    ...(digest.toReview?.total ? [fill(m.mail.reviewLink, { url: `${origin}/review` }), ""] : []),
    ...section(m.mail.reviewedHeading[frequency], digest.reviewed, reviewedLine, m),
  ];
  if (body.length === 0) return null;
  const { page } = unsubscribeUrls(origin, token);
  return {
    subject: fill(m.mail.digestSubject, { frequency: m.mail.frequency[frequency], date: f.date(today) }),
    text: [
      fill(m.mail.greeting, { name }),
      "",
      ...body,
      "-- ",
      fill(m.mail.digestFooter, { settings: `${origin}/account/notifications`, unsubscribe: page }),
    ].join("\n"),
  };
}

export type Update =
  | { kind: "status"; code: string; title: string; commitmentId: number; from: Status | null; to: Status; at: string }
  | { kind: "period"; code: string; title: string; commitmentId: number; n: number; to: Status; at: string }
  | { kind: "accepted"; code: string; title: string; commitmentId: number; evidenceKind: EvidenceKind; at: string };

export function updatesMail(
  { m, f, origin }: MailContext,
  target: FollowedTarget,
  updates: Update[],
  token: string,
): Composed {
  const label = targetLabel(m, target);
  const line = (u: Update) => {
    const at = f.instant(u.at);
    if (u.kind === "status") {
      const from = u.from ? m.status[u.from] : "—";
      return fill(m.mail.statusLine, { code: u.code, title: u.title, from, to: m.status[u.to], at });
    }
    if (u.kind === "period") {
      return fill(m.mail.periodStatusLine, { code: u.code, title: u.title, n: u.n, to: m.status[u.to], at });
    }
    return fill(m.mail.acceptedLine, { code: u.code, title: u.title, kind: m.evidenceKind[u.evidenceKind], at });
  };
  return {
    subject: fill(m.mail.updatesSubject, { target: label }),
    text: [
      fill(m.mail.updatesIntro, { target: label }),
      "",
      ...updates.flatMap((u) => [`  - ${line(u)}`, `    ${origin}/commitments/${u.commitmentId}`]),
      "",
      "-- ",
      fill(m.mail.updatesFooter, { target: label, unsubscribe: unsubscribeUrls(origin, token).page }),
    ].join("\n"),
  };
}
