import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { FormState } from "@/components/forms/form-state";
import type { ImportState } from "@/components/import/import-state";
import { getDb } from "@/db/client";
import { createToken } from "@/db/commands/tokens";
import { findMesaId } from "@/db/queries/mesas";
import { apiTokens, commitments, evidence, meetings, parties, userMesas, users } from "@/db/schema";
import { loadDemo } from "@/db/seed/demo";
import { makeCommitment, makeEvidence, makeUser } from "@/db/testing/fixtures";
import { configureFuzzing, fuzzRuns, hostileKey, hostileString } from "@/db/testing/hostile";
import { watchWrites } from "@/db/testing/write-log";
import { viewerForUser } from "@/db/viewers";
import { en } from "@/i18n/messages/en";
import { es } from "@/i18n/messages/es";
import { createPartyAction, updatePartyAction } from "./(site)/(staff)/admin/parties/actions";
import * as userActions from "./(site)/(staff)/admin/users/actions";
import { createTokenAction, revokeTokenAction } from "./(site)/(staff)/account/tokens/actions";
import * as commitmentActions from "./(site)/(staff)/commitments/actions";
import { importAction } from "./(site)/(staff)/mesas/[slug]/import/actions";
import * as mesaActions from "./(site)/(staff)/mesas/actions";
import { reviewEvidenceAction } from "./(site)/(staff)/review/actions";
import { switchLanguage } from "./language/actions";
import { mailPreferencesAction } from "./(site)/(staff)/account/notifications/actions";
import { confirmAction, followAction, unsubscribeAction } from "./(site)/(public)/subscribe/actions";

// Issue 11, fuzzing: every Server Action form called with FormData of random and hostile values
// (and tampered bound arguments: a client can send any), as each role. An action answers, it
// never throws (but for Next's redirect after a success); a refusal writes nothing and comes
// with messages the UI can show in both languages, next to fields the form has.

const session = vi.hoisted(() => ({ userId: null as number | null }));
const Redirect = vi.hoisted(() => class Redirect extends Error {});
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: String(session.userId) }, signedInAt: Date.now() } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
// The confirmation e-mail is delivered after the answer; here nothing is delivered.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal()), after: () => undefined }));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

configureFuzzing();
const RUNS = fuzzRuns(40);

type Role = "public" | "monitor" | "commissioner" | "admin" | "disabled";
let userIds: Record<Role, number | null>;
let ids: { commitment: number[]; evidence: number[]; user: number[]; token: number[]; meeting: number[] };

beforeAll(async () => {
  const db = getDb();
  await loadDemo(db);
  const mesa = findMesaId("las-bambas")!;
  const user = (role: "monitor" | "commissioner" | "admin") => {
    const id = makeUser(role).id;
    if (role !== "admin") db.insert(userMesas).values({ userId: id, mesaId: mesa }).run();
    return id;
  };
  const disabled = user("commissioner");
  db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, disabled)).run();
  userIds = {
    public: null,
    monitor: user("monitor"),
    commissioner: user("commissioner"),
    admin: user("admin"),
    disabled,
  };
  createToken(viewerForUser(userIds.commissioner!), { name: "fuzz" });
  const party = db.select({ id: parties.id }).from(parties).get()!.id;
  const recurring = makeCommitment({ mesaId: mesa, partyIds: [party], madeOn: "2024-01-01", recurrence: "monthly" });
  makeEvidence(recurring.id, userIds.monitor!, "submitted");
  const column = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
  ids = {
    commitment: [recurring.id, ...column(db.select({ id: commitments.id }).from(commitments).limit(6).all())],
    evidence: column(db.select({ id: evidence.id }).from(evidence).limit(6).all()),
    user: Object.values(userIds).filter((id): id is number => id !== null),
    token: column(db.select({ id: apiTokens.id }).from(apiTokens).all()),
    meeting: db
      .select({ n: meetings.number })
      .from(meetings)
      .limit(3)
      .all()
      .map((m) => m.n),
  };
});

/** Plausible values by form field, mixed with hostile ones so that some submissions get through. */
const PLAUSIBLE: Record<string, string[]> = {
  code: ["FZ-1", "LB-01"],
  title: ["Pozo para la comunidad"],
  text: ["Texto del acta."],
  theme: ["water", "health"],
  party: ["mmg-las-bambas", "comunidad-fuerabamba", "nadie"],
  lead: ["mmg-las-bambas"],
  madeOn: ["2025-03-01"],
  dueOn: ["", "2025-12-31", "2024-01-01"],
  meeting: ["", "1", "999"],
  visibility: ["public", "restricted"],
  recurrence: ["", "monthly", "yearly"],
  startsOn: ["", "2024-01-01"],
  endsOn: ["", "2023-01-01", "2026-01-01"],
  status: ["pending", "in_progress", "fulfilled", "superseded", "partial", "active"],
  reason: ["Verificado"],
  evidence: ["1", "999999"],
  supersededBy: ["", "1", "999999"],
  period: ["1", "2", "0"],
  decision: ["accepted", "rejected"],
  note: ["", "Verificado"],
  setStatus: ["", "partial"],
  name: ["Nombre"],
  email: ["nuevo@example.org", "admin@mesamonitor.local"],
  role: ["monitor", "commissioner", "admin", "member", "observer", ""],
  mesas: ["las-bambas", "nadie"],
  password: ["una contraseña larga", "corta"],
  slug: ["nueva-mesa", "las-bambas", "mmg-las-bambas"],
  kind: ["community", "company"],
  region: ["Apurímac"],
  convenedOn: ["2024-05-01"],
  sourceLinks: ["https://example.org/acta", "ftp://x\nhttps://example.org"],
  number: ["1", "7", "-1"],
  heldOn: ["2025-01-15"],
  attendee: ["mmg-las-bambas"],
  locale: ["es", "en"],
  target: ["mesa:las-bambas", "party:mmg-las-bambas", "commitment:1", "commitment:999999", "mesa:"],
  digest: ["off", "daily", "weekly", "monthly"],
  expiresIn: ["30", "90", "365", "never", "7"],
  intent: ["preview", "import"],
};

const fieldValue = (key: string) =>
  PLAUSIBLE[key]
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE[key]) }, { weight: 1, arbitrary: hostileString })
    : hostileString;

/** A form's fields, some or all, repeated now and then, plus stray keys (`__proto__`, `$ACTION_…`). */
function formData(fields: string[]): fc.Arbitrary<FormData> {
  const pairs = (keys: string[]): fc.Arbitrary<[string, string][]> =>
    keys.length
      ? fc.tuple(...keys.map((key) => fieldValue(key).map((v) => [key, v] as [string, string])))
      : fc.constant<[string, string][]>([]);
  return fc
    .tuple(
      fc.oneof(fc.subarray(fields), fc.constant(fields)).chain(pairs),
      fc.subarray(fields, { maxLength: Math.min(2, fields.length) }).chain(pairs),
      fc.array(fc.tuple(hostileKey, hostileString), { maxLength: 2 }),
    )
    .map(([named, repeated, stray]) => {
      const form = new FormData();
      for (const [key, value] of [...named, ...repeated, ...stray]) form.append(key, value);
      return form;
    });
}

/** A bound argument as a tampering client may send it instead of the page's. */
const tampered = fc.constantFrom<unknown>(0, -1, 1.5, NaN, Infinity, 2 ** 53 + 1, "1", null, undefined, {}, []);
const idArg = (pool: () => number[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool()) }, { weight: 1, arbitrary: tampered });
const slugArg = (...plausible: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.oneof(hostileString, tampered) },
  );

type Action = (...args: never[]) => Promise<unknown>;
type Case = {
  action: Action;
  bound: () => fc.Arbitrary<unknown[]>;
  fields: string[];
  /** The error paths its form shows next to a field (`x.*`: that path and all below it). */
  shows: string[];
  /** Paths about a bound argument: only a tampering client gets them, with the form's general message. */
  boundPaths?: string[];
};

const COMMITMENT_FIELDS = [
  "code",
  "title",
  "text",
  "theme",
  "party",
  "lead",
  "madeOn",
  "dueOn",
  "meeting",
  "visibility",
  "recurrence",
  "startsOn",
  "endsOn",
];
const COMMITMENT_SHOWS = [
  "code",
  "title",
  "text",
  "theme",
  "responsibleParties.*",
  "madeOn",
  "dueOn",
  "meeting",
  "visibility",
  "recurrence.every",
  "recurrence.startsOn",
  "recurrence.endsOn",
];
const MESA_FIELDS = [
  "name",
  "region",
  "province",
  "district",
  "convenedOn",
  "status",
  "description",
  "conveningBody",
  "followUpBody",
  "sourceLinks",
];
const MESA_SHOWS = [...MESA_FIELDS.filter((f) => f !== "sourceLinks"), "sourceLinks.*"];
const MEETING = {
  fields: ["number", "heldOn", "place", "summary", "attendee"],
  shows: ["number", "heldOn", "place", "summary", "attendees.*"],
};
const noBound = (): fc.Arbitrary<unknown[]> => fc.constant([]);
const user = () => fc.tuple(idArg(() => ids.user));

const CASES: Record<string, Case> = {
  createUserAction: {
    action: userActions.createUserAction,
    bound: noBound,
    fields: ["email", "name", "role", "mesas", "password"],
    shows: ["email", "name", "role", "password", "mesas.*"],
  },
  setUserRoleAction: {
    action: userActions.setUserRoleAction,
    bound: user,
    fields: ["role"],
    shows: ["role", "userId"],
  },
  setUserMesasAction: {
    action: userActions.setUserMesasAction,
    bound: user,
    fields: ["mesas"],
    shows: ["mesas.*", "userId"],
  },
  disableUserAction: { action: userActions.disableUserAction, bound: user, fields: [], shows: ["userId"] },
  enableUserAction: { action: userActions.enableUserAction, bound: user, fields: [], shows: ["userId"] },
  resetPasswordAction: {
    action: userActions.resetPasswordAction,
    bound: user,
    fields: ["password"],
    shows: ["password", "userId"],
  },
  createPartyAction: {
    action: createPartyAction,
    bound: noBound,
    fields: ["slug", "name", "kind"],
    shows: ["slug", "name", "kind"],
  },
  updatePartyAction: {
    action: updatePartyAction,
    bound: () => fc.tuple(slugArg("mmg-las-bambas", "nadie")),
    fields: ["name", "kind"],
    shows: ["name", "kind"],
  },
  reviewEvidenceAction: {
    action: reviewEvidenceAction,
    bound: () => fc.tuple(idArg(() => ids.evidence)),
    fields: ["decision", "note", "setStatus"],
    shows: ["decision", "note", "setStatus"],
  },
  followAction: {
    action: followAction,
    bound: noBound,
    fields: ["target", "email", "locale"],
    shows: ["target", "email", "locale"],
  },
  mailPreferencesAction: {
    action: mailPreferencesAction,
    bound: noBound,
    fields: ["digest", "locale"],
    shows: ["digest", "locale"],
  },
  createTokenAction: {
    action: createTokenAction,
    bound: noBound,
    fields: ["name", "expiresIn"],
    shows: ["name", "expiresIn"],
  },
  revokeTokenAction: {
    action: revokeTokenAction,
    bound: () => fc.tuple(idArg(() => ids.token)),
    fields: [],
    shows: [],
  },
  createCommitmentAction: {
    action: commitmentActions.createCommitmentAction,
    bound: () => fc.tuple(slugArg("las-bambas", "espinar")),
    fields: COMMITMENT_FIELDS,
    shows: COMMITMENT_SHOWS,
    boundPaths: ["mesa"],
  },
  updateCommitmentAction: {
    action: commitmentActions.updateCommitmentAction,
    bound: () => fc.tuple(idArg(() => ids.commitment)),
    fields: COMMITMENT_FIELDS,
    shows: COMMITMENT_SHOWS,
  },
  changeStatusAction: {
    action: commitmentActions.changeStatusAction,
    bound: () => fc.tuple(idArg(() => ids.commitment)),
    fields: ["status", "reason", "evidence", "supersededBy"],
    shows: ["status", "reason", "supersededBy", "evidenceIds.*"],
  },
  setPeriodStatusAction: {
    action: commitmentActions.setPeriodStatusAction,
    bound: () => fc.tuple(idArg(() => ids.commitment)),
    fields: ["period", "status", "reason", "evidence"],
    shows: ["n", "status", "reason", "evidenceIds.*"],
  },
  createMesaAction: {
    action: mesaActions.createMesaAction,
    bound: noBound,
    fields: ["slug", ...MESA_FIELDS],
    shows: ["slug", ...MESA_SHOWS],
  },
  updateMesaAction: {
    action: mesaActions.updateMesaAction,
    bound: () => fc.tuple(slugArg("las-bambas", "espinar")),
    fields: MESA_FIELDS,
    shows: MESA_SHOWS,
  },
  setParticipationAction: {
    action: mesaActions.setParticipationAction,
    bound: () => fc.tuple(slugArg("las-bambas")),
    fields: ["party", "role"],
    shows: ["participants.*"],
  },
  createMeetingAction: {
    action: mesaActions.createMeetingAction,
    bound: () => fc.tuple(slugArg("las-bambas")),
    ...MEETING,
  },
  updateMeetingAction: {
    action: mesaActions.updateMeetingAction,
    bound: () =>
      fc.tuple(
        slugArg("las-bambas"),
        idArg(() => ids.meeting),
      ),
    ...MEETING,
  },
};

const role = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<Role>("public", "disabled", "monitor") },
  { weight: 2, arbitrary: fc.constantFrom<Role>("commissioner", "admin") },
);

const shownBy = (shows: string[], path: string) =>
  shows.some((s) => (s.endsWith(".*") ? path === s.slice(0, -2) || path.startsWith(s.slice(0, -1)) : path === s));

/** Runs an action as a role: its answer, or "redirect" (Next's way to end a successful action). */
async function run(as: Role, call: () => Promise<unknown>): Promise<unknown> {
  session.userId = userIds[as];
  try {
    return await call();
  } catch (error) {
    if (error instanceof Redirect) return "redirect";
    throw error;
  }
}

describe.each(Object.entries(CASES).map(([name, c]) => ({ name, ...c })))(
  "$name",
  ({ name, action, bound, fields, shows, boundPaths = [] }) => {
    it(
      "answers every submission, refusing with translated messages at the form's fields and writing nothing",
      { timeout: 60_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(role, bound(), formData(fields), async (as, args, form) => {
            const written = watchWrites();
            const answer = await run(as, () =>
              (action as (...a: unknown[]) => Promise<unknown>)(
                ...args,
                { status: "idle", fieldErrors: {}, values: {} },
                form,
              ),
            );
            if (process.env.FUZZ_STATS)
              console.log(`${name} ${as} ${answer === "redirect" ? "redirect" : (answer as FormState).status}`);
            if (answer === "redirect") return;
            const state = answer as FormState;
            const label = `${name} as ${as}: ${JSON.stringify(state).slice(0, 300)}`;
            if (state.status === "saved") return;
            expect(state.status, label).toBe("error");
            expect(written(), `${label} wrote`).toEqual([]);
            expect(state.formError, label).toBeDefined();
            expect(es.errors[state.formError!] && en.errors[state.formError!], label).toBeTruthy();
            for (const [path, codes] of Object.entries(state.fieldErrors)) {
              expect(
                shownBy(shows, path) || boundPaths.includes(path),
                `${label}: the form has no place for "${path}"`,
              ).toBe(true);
              for (const code of codes) expect(es.errors[code] && en.errors[code], `${label}: ${code}`).toBeTruthy();
            }
            if (state.formError === "form") expect(Object.keys(state.fieldErrors).length, label).toBeGreaterThan(0);
            expect(JSON.stringify(state.values), "a password is never sent back").not.toMatch(/contraseña larga/);
          }),
          { numRuns: RUNS },
        );
      },
    );
  },
);

describe("importAction", () => {
  const CSV = "code,title,text,theme,responsible_parties,lead_party,made_on,due_on,status";
  const file = fc.oneof(
    fc
      .array(fc.array(hostileString, { minLength: 9, maxLength: 9 }), { maxLength: 3 })
      .map((rows) => [CSV, ...rows.map((r) => r.join(","))].join("\n")),
    fc.string({ unit: "binary", maxLength: 200 }),
  );
  const submission = fc.record({
    slug: slugArg("las-bambas", "espinar"),
    intent: fieldValue("intent"),
    file,
  });

  it(
    "answers a preview, an import or a refusal for any file, writing nothing unless it imports",
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(role, submission, fc.boolean(), async (as, s, asContent) => {
          const form = new FormData();
          form.set("intent", s.intent);
          if (asContent) form.set("content", Buffer.from(s.file).toString("base64"));
          else form.set("file", new Blob([s.file]), "acta.csv");
          const written = watchWrites();
          const state = (await run(as, () =>
            importAction(s.slug as string, { status: "idle" } as ImportState, form),
          )) as ImportState;
          expect(["preview", "imported", "refused"], JSON.stringify(state).slice(0, 200)).toContain(state.status);
          if (state.status !== "imported") expect(written()).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );
});

it("the buttons of e-mailed links answer any token with their page, never an error", async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(hostileString, fc.constant("")), async (token) => {
      for (const action of [confirmAction, unsubscribeAction]) {
        await expect(run("public", () => action(token))).resolves.toBe("redirect");
      }
    }),
    { numRuns: RUNS },
  );
});

it("switchLanguage ignores what is not a language", async () => {
  await fc.assert(
    fc.asyncProperty(formData(["locale"]), async (form) => {
      await expect(switchLanguage(form)).resolves.toBeUndefined();
    }),
    { numRuns: RUNS },
  );
});
