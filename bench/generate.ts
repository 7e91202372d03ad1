// The benchmark data set, generated deterministically from a seed (issue 7, item 7): plain rows
// for the app's own tables, so the loader only has to bind them to prepared statements.
import { EVIDENCE_KINDS, EVIDENCE_STATUSES, THEMES, type Status, type Theme } from "../db/enums";
import {
  COMMUNITY_ENDS,
  COMMUNITY_STEMS,
  COMPANY_WORDS,
  EVIDENCE_SUMMARIES,
  NATIONAL_BODIES,
  PLACES,
  REGION_CENTRES,
  WORDINGS,
} from "./names";
import { apportion, createRng, type Rng } from "./prng";

export type GenerateOptions = {
  mesas: number;
  commitments: number;
  evidence: number;
  seed: number;
  /** The last day of the data (YYYY-MM-DD): history spans the ~8 years before it. */
  until: string;
};

type Row = Record<string, string | number | null>;
export type Catalogue = { users: Row[]; mesas: Row[]; parties: Row[]; mesaParties: Row[]; userMesas: Row[] };
export type Batch = {
  commitments: Row[];
  commitmentParties: Row[];
  statusChanges: Row[];
  evidence: Row[];
  commitmentPeriods: Row[];
};

const DAY_MS = 86_400_000;
const YEARS = 8;
/** Superseded commitments point at a later one in the same batch: batches stay this small. */
const MAX_BATCH = 2000;

/** Final statuses; with the chance of one intermediate step below, ~1.58 changes per commitment. */
const FINAL_STATUS: Record<Status, number> = {
  pending: 48,
  in_progress: 14,
  partial: 8,
  fulfilled: 15,
  broken: 10,
  superseded: 5,
};
const MESA_STATUS = { active: 6, suspended: 2, concluded: 2 };
const REVIEW_STATE = { accepted: 65, rejected: 15, submitted: 20 };
/** How many responsible parties besides the lead (1–3 in all). */
const EXTRA_PARTIES = { 0: 5, 1: 3, 2: 2 };
const INTERMEDIATE_CHANCE = 0.16;
const THEME_WEIGHT: Record<Theme, number> = Object.fromEntries(
  THEMES.map((t) => [t, t === "water" || t === "environment" || t === "infrastructure" ? 3 : 1]),
) as Record<Theme, number>;
const REASONS: Record<Status, string> = {
  pending: "Registro del compromiso según el acta.",
  in_progress: "La entidad responsable informó el inicio de los trabajos.",
  partial: "Se verificó un avance parcial en campo.",
  fulfilled: "Se verificó el cumplimiento con la evidencia presentada.",
  broken: "Venció el plazo sin ejecución; la mesa lo declaró incumplido.",
  superseded: "Reemplazado por un nuevo acuerdo de la mesa.",
};
/** Bench accounts cannot sign in: this is no argon2 hash, so every verification fails. */
const NO_PASSWORD = "!bench-account-without-password";

const SECTORS = ["Alto", "Bajo", "Centro", "Norte", "Sur"];

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** An instant during office hours in Lima (UTC-5, no daylight saving) on that day. */
const instantOn = (day: number, minute: number) => day * DAY_MS + (13 * 60 + minute) * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const slugify = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

type MesaPlan = {
  id: number;
  convenedDay: number;
  code: string;
  community: string;
  district: string;
  partyIds: number[];
  commissionerId: number;
  monitorId: number;
  commitments: number;
};

export function generate(options: GenerateOptions): { catalogue: Catalogue; batches: () => Generator<Batch> } {
  const rng = createRng(options.seed);
  // Places for the map from a stream of their own, so the rest of the data stays what it was.
  const placeRng = createRng(options.seed ^ 0x6d6170);
  const near = (degrees: number) => Math.round((degrees + (placeRng.next() - 0.5) * 0.4) * 1000) / 1000;
  const lastDay = dayNumber(options.until);
  if (!Number.isFinite(lastDay)) throw new Error(`Bad --until date: ${options.until}`);
  const stamp = iso(instantOn(lastDay - YEARS * 365 - 30, 0));
  const catalogue: Catalogue = { users: [], mesas: [], parties: [], mesaParties: [], userMesas: [] };

  // Accounts the history is attributed to: a few commissioners and monitors.
  const commissioners = Math.max(2, Math.ceil(options.mesas / 20));
  const monitors = Math.max(3, Math.ceil(options.mesas / 10));
  for (let i = 1; i <= commissioners + monitors; i++) {
    const role = i <= commissioners ? "commissioner" : "monitor";
    const n = i <= commissioners ? i : i - commissioners;
    catalogue.users.push({
      id: i,
      email: `${role}${n}@bench.mesamonitor.example`,
      name: `${role === "commissioner" ? "Comisionado" : "Monitor"} ${n} (bench)`,
      password_hash: NO_PASSWORD,
      role,
      created_at: stamp,
    });
  }

  const addParty = (slug: string, name: string, kind: string) => {
    const id = catalogue.parties.length + 1;
    catalogue.parties.push({ id, slug, name, kind, created_at: stamp });
    return id;
  };
  const national = new Map(NATIONAL_BODIES.map((b) => [b.slug, addParty(b.slug, b.name, b.kind)]));
  const ministries = NATIONAL_BODIES.filter((b) => b.kind === "national_government" && b.slug !== "pcm").map((b) =>
    national.get(b.slug)!,
  );
  const companies = COMPANY_WORDS.map((w) => addParty(`minera-${slugify(w)}`, `Compañía Minera ${w} S.A.`, "company"));
  const regional = new Map<string, number>();
  const local = new Map<string, number>();
  const usedCommunities = new Set<string>();

  const weights = Array.from({ length: options.mesas }, () => 0.3 + rng.next() * 1.4);
  const sizes = apportion(options.commitments, weights);
  const regions = Object.keys(PLACES);
  const plans: MesaPlan[] = [];
  for (let m = 1; m <= options.mesas; m++) {
    const region = rng.pick(regions);
    const province = rng.pick(Object.keys(PLACES[region]));
    const district = rng.pick(PLACES[region][province]);
    const base = `${rng.pick(COMMUNITY_STEMS)}${rng.pick(COMMUNITY_ENDS)}`;
    let community = base;
    for (let k = 0; usedCommunities.has(community); k++) community = `${base} ${SECTORS[k] ?? k}`;
    usedCommunities.add(community);
    const convenedDay = lastDay - rng.int(2 * 365, YEARS * 365);
    const slug = `${slugify(province)}-${m}`;
    const [latitude, longitude] = REGION_CENTRES[region];
    catalogue.mesas.push({
      id: m,
      slug,
      name: `Mesa de Diálogo ${m} para el Desarrollo de ${province} (${district})`,
      region,
      province,
      district,
      convened_on: isoDay(convenedDay),
      status: rng.weighted(MESA_STATUS),
      description: `Mesa de diálogo generada para el benchmark, en ${district}, provincia de ${province}, ${region}.`,
      convening_body: "Presidencia del Consejo de Ministros (PCM)",
      source_links: "[]",
      latitude: near(latitude),
      longitude: near(longitude),
      created_at: iso(instantOn(convenedDay, 0)),
    });
    if (!regional.has(region))
      regional.set(
        region,
        addParty(`gore-${slugify(region)}`, `Gobierno Regional de ${region}`, "regional_government"),
      );
    if (!local.has(district))
      local.set(
        district,
        addParty(`muni-${slugify(district)}`, `Municipalidad Distrital de ${district}`, "local_government"),
      );
    const own = addParty(`cc-${slugify(community)}`, `Comunidad Campesina de ${community}`, "community");
    const members: [number, string][] = [
      [national.get("pcm")!, "convenor"],
      [own, "member"],
      [local.get(district)!, "member"],
      [regional.get(region)!, "member"],
    ];
    for (const id of new Set([rng.pick(companies), rng.pick(companies)])) members.push([id, "member"]);
    for (const id of new Set([rng.pick(ministries), rng.pick(ministries), rng.pick(ministries)]))
      members.push([id, "member"]);
    if (rng.chance(0.3)) members.push([national.get("pnp")!, "member"]);
    if (rng.chance(0.5)) members.push([national.get("defensoria")!, "observer"]);
    for (const [partyId, role] of members) catalogue.mesaParties.push({ mesa_id: m, party_id: partyId, role });
    const commissionerId = 1 + ((m - 1) % commissioners);
    const monitorId = commissioners + 1 + ((m - 1) % monitors);
    catalogue.userMesas.push({ user_id: commissionerId, mesa_id: m }, { user_id: monitorId, mesa_id: m });
    plans.push({
      id: m,
      convenedDay,
      code: slugify(province).slice(0, 3).toUpperCase() + m,
      community,
      district,
      // Observers (the Defensoría) are never responsible for a commitment.
      partyIds: members.filter(([, role]) => role !== "observer").map(([id]) => id),
      commissionerId,
      monitorId,
      commitments: sizes[m - 1],
    });
  }

  function* batches(): Generator<Batch> {
    const chunks = plans.flatMap((plan) => {
      const parts = Math.ceil(plan.commitments / MAX_BATCH);
      return apportion(plan.commitments, Array(parts).fill(1)).map((size, i) => ({ plan, size, first: i === 0 }));
    });
    const evidencePerChunk = apportion(
      options.evidence,
      chunks.map((c) => c.size),
    );
    const ids = { commitment: 0, change: 0, evidence: 0 };
    const codeNumber = new Map<number, number>();
    for (const [k, chunk] of chunks.entries()) {
      yield makeBatch(rng, chunk.plan, chunk.size, evidencePerChunk[k], lastDay, ids, codeNumber);
    }
  }
  return { catalogue, batches };
}

const RECURRING_CHANCE = 0.05;
const PERIOD_OUTCOMES = ["fulfilled", "fulfilled", "partial", "broken"] as const;

function makeBatch(
  rng: Rng,
  plan: MesaPlan,
  size: number,
  evidenceCount: number,
  lastDay: number,
  ids: { commitment: number; change: number; evidence: number },
  codeNumber: Map<number, number>,
): Batch {
  const batch: Batch = {
    commitments: [],
    commitmentParties: [],
    statusChanges: [],
    evidence: [],
    commitmentPeriods: [],
  };
  // Chronological within the mesa, like the numbering of actas.
  const madeDays = Array.from({ length: size }, () => rng.int(plan.convenedDay, lastDay)).sort((a, b) => a - b);
  const finals = madeDays.map(() => rng.weighted(FINAL_STATUS));
  const firstId = ids.commitment + 1;
  for (let i = 0; i < size; i++) {
    const id = firstId + i;
    const made = madeDays[i];
    let status = finals[i];
    let supersededBy: number | null = null;
    let endDay = lastDay;
    if (status === "superseded") {
      // A later, not superseded commitment of the same mesa replaces it (no chains).
      const j = i + 1 + Math.floor(rng.next() * Math.min(5, size - i - 1));
      if (j < size && finals[j] !== "superseded") {
        supersededBy = firstId + j;
        endDay = madeDays[j];
      } else status = finals[i] = "broken";
    }
    const path: Status[] = ["pending"];
    if (status !== "pending") {
      if (status !== "in_progress" && rng.chance(INTERMEDIATE_CHANCE))
        path.push(status === "fulfilled" && rng.chance(0.5) ? "partial" : "in_progress");
      path.push(status);
    }
    // Creation on the day it was made, then changes at increasing instants up to endDay.
    const days = [
      made,
      ...path
        .slice(1)
        .map(() => rng.int(made, endDay))
        .sort((a, b) => a - b),
    ];
    if (supersededBy !== null) days[days.length - 1] = endDay;
    let previous = 0;
    path.forEach((to, k) => {
      const at = Math.max(instantOn(days[k], rng.int(0, 600)), previous + 60_000);
      previous = at;
      batch.statusChanges.push({
        id: ++ids.change,
        commitment_id: id,
        from_status: k === 0 ? null : path[k - 1],
        to_status: to,
        changed_by: plan.commissionerId,
        changed_at: iso(at),
        reason: REASONS[to],
      });
    });
    const theme = rng.weighted(THEME_WEIGHT);
    const wording = rng.pick(WORDINGS[theme]);
    const fill = (s: string) => s.replace("{c}", plan.community).replace("{d}", plan.district);
    const n = (codeNumber.get(plan.id) ?? 0) + 1;
    codeNumber.set(plan.id, n);
    // Some recur (CONTRACT §1), from the day they were made; most of their elapsed periods have a status.
    const every = rng.chance(RECURRING_CHANCE) ? rng.pick(["monthly", "quarterly", "yearly"] as const) : null;
    if (every) {
      const periods = Math.floor((lastDay - made) / { monthly: 30.44, quarterly: 91.3, yearly: 365.25 }[every]) + 1;
      for (let k = 1; k <= periods; k++) {
        if (rng.chance(0.7)) {
          batch.commitmentPeriods.push({ commitment_id: id, n: k, status: rng.pick(PERIOD_OUTCOMES) });
        }
      }
    }
    batch.commitments.push({
      id,
      mesa_id: plan.id,
      recurrence: every,
      starts_on: every ? isoDay(made) : null,
      code: `${plan.code}-${String(n).padStart(3, "0")}`,
      title: fill(wording.title),
      text: fill(wording.text),
      theme,
      made_on: isoDay(made),
      due_on: rng.chance(0.5) ? null : isoDay(made + rng.int(30, 3 * 365)),
      status,
      visibility: rng.chance(0.05) ? "restricted" : "public",
      superseded_by: supersededBy,
      created_at: iso(instantOn(made, 0)),
    });
    const responsible = new Set([rng.pick(plan.partyIds)]);
    const extra = rng.weighted(EXTRA_PARTIES);
    for (let k = 0; k < Number(extra); k++) responsible.add(rng.pick(plan.partyIds));
    [...responsible].forEach((partyId, k) =>
      batch.commitmentParties.push({ commitment_id: id, party_id: partyId, is_lead: k === 0 ? 1 : 0 }),
    );
  }
  ids.commitment += size;

  // Evidence goes to random commitments of the batch, observed after the commitment was made.
  const perCommitment = new Array<number>(size).fill(0);
  for (let e = 0; e < evidenceCount; e++) perCommitment[Math.floor(rng.next() * size)] += 1;
  perCommitment.forEach((count, i) => {
    for (let e = 0; e < count; e++) {
      const observed = rng.int(madeDays[i], lastDay);
      const review = rng.weighted(REVIEW_STATE);
      const kind = rng.pick(EVIDENCE_KINDS);
      const reviewedAt = Math.min(instantOn(observed + rng.int(1, 30), 0), instantOn(lastDay, 600));
      ids.evidence += 1;
      batch.evidence.push({
        id: ids.evidence,
        commitment_id: firstId + i,
        submitted_by: plan.monitorId,
        observed_on: isoDay(observed),
        kind,
        summary: rng.pick(EVIDENCE_SUMMARIES),
        source_url: kind === "media_report" ? `https://noticias.example/${ids.evidence}` : null,
        suggested_status: rng.chance(0.4) ? null : rng.pick(EVIDENCE_STATUSES),
        review_state: review,
        reviewed_by: review === "submitted" ? null : plan.commissionerId,
        review_note: review === "rejected" ? "Falta información verificable." : null,
        reviewed_at: review === "submitted" ? null : iso(reviewedAt),
        idempotency_key: null,
        created_at: iso(instantOn(observed, 30)),
      });
    }
  });
  return batch;
}
