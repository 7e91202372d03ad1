import { count, desc, eq } from "drizzle-orm";
import writeExcelFile, { type SheetData } from "write-excel-file/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { getCommitment } from "../queries/commitment-detail";
import { auditLog, commitmentParties, commitments, statusChanges } from "../schema";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { refusal, refusalOf } from "../testing/refusal";
import { createCommitment } from "./commitments";
import { decodeText, delimiterOf, MAX_IMPORT_BYTES } from "./import-file";
import { importCommitments, importTarget, type ImportFile, type RowIssue } from "./import-commitments";

const HEADER = "code,title,text,theme,responsible_parties,lead_party,made_on,due_on,status";

let commissioner: Viewer;
let otherCommissioner: Viewer;
let monitor: Viewer;
let admin: Viewer;
let sequence = 0;

/** A fresh mesa the commissioner (and the admin) may import into. */
function newMesa() {
  const mesa = makeMesa(`mesa-import-${++sequence}`);
  (commissioner!.mesaIds as number[]).push(mesa.id);
  return mesa.slug;
}

const csv = (lines: string[], header = HEADER) => [header, ...lines].join("\r\n") + "\r\n";
const file = (text: string, name = "acta.csv"): ImportFile => ({ name, bytes: Buffer.from(text, "utf8") });

function run(viewer: Viewer, mesa: string, input: ImportFile, dryRun = false) {
  return importCommitments(importTarget(viewer, mesa), input, { dryRun });
}

function snapshot() {
  const db = getDb();
  return [commitments, commitmentParties, statusChanges, auditLog].map(
    (t) => db.select({ n: count() }).from(t).get()!.n,
  );
}

function commitmentsOf(mesa: string) {
  const ids = getDb()
    .select({ id: commitments.id })
    .from(commitments)
    .where(eq(commitments.mesaId, importTarget(admin, mesa).mesa.id))
    .orderBy(commitments.code)
    .all();
  return ids.map(({ id }) => getCommitment(admin, id)!);
}

beforeAll(() => {
  makeParty("gore", "regional_government");
  makeParty("compania", "company");
  makeParty("comunidad", "community");
  const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[]): Viewer => {
    const user = makeUser(role);
    return { userId: user.id, name: user.name, role, mesaIds };
  };
  commissioner = viewer("commissioner", []);
  otherCommissioner = viewer("commissioner", [makeMesa().id]);
  monitor = viewer("monitor", []);
  admin = viewer("admin", []);
});

describe("importing an acta's commitments", () => {
  it("writes nothing when 3 of 50 rows are bad, and names those rows and their fields", async () => {
    const mesa = newMesa();
    createCommitment(commissioner, {
      mesa,
      code: "YA-01",
      title: "Ya registrado",
      text: "Texto.",
      theme: "water",
      responsibleParties: [{ slug: "gore", lead: true }],
      madeOn: "2026-01-01",
    });
    const lines = Array.from({ length: 50 }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return `H-${n},Compromiso ${n},El texto del compromiso ${n}.,water,gore;compania,gore,2026-01-10,2026-12-31,pending`;
    });
    lines[6] = "H-07,Compromiso 07,Texto.,water,gore;nadie,gore,2026-01-10,,pending";
    lines[19] = "H-20,Compromiso 20,Texto.,health,gore,gore,31/02/2026,,hecho";
    lines[40] = "YA-01,Compromiso 41,Texto.,agua,compania,compania,2026-01-10,,pending";
    const before = snapshot();

    const result = await run(commissioner, mesa, file(csv(lines)));

    expect(result.imported).toBeNull();
    expect(result.valid).toBe(false);
    expect(snapshot()).toEqual(before);
    expect(result.rows).toHaveLength(50);
    const bad = result.rows.filter((r) => r.issues.length).map((r) => [r.row, r.code, r.issues]);
    // Row numbers as the spreadsheet shows them: the header is row 1.
    expect(bad).toEqual([
      [8, "H-07", [{ column: "responsible_parties", code: "unknown_party" }]],
      [
        21,
        "H-20",
        [
          { column: "made_on", code: "invalid_date" },
          { column: "status", code: "invalid_choice" },
        ],
      ],
      [
        42,
        "YA-01",
        [
          { column: "code", code: "taken" },
          { column: "theme", code: "invalid_choice" },
        ],
      ],
    ]);
  });

  it("imports a ;-separated Windows-1252 file with its accents intact", async () => {
    const mesa = newMesa();
    const text = csv(
      [
        'HU-01;Compañía entregará agua a Huancané;"La Compañía; con el GORE, entregará agua.";water;compania;compania;15/01/2026;;pending',
        "HU-02;Reunión en Huancané;Texto del acta.;dialogue_process;gore;gore;2026-01-15;2026-03-01;in_progress",
      ],
      HEADER.replaceAll(",", ";"),
    );
    const bytes = Buffer.from(text, "latin1");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();

    const result = await run(commissioner, mesa, { name: "acta.csv", bytes });

    expect(result.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(result.imported).toHaveLength(2);
    const [first, second] = commitmentsOf(mesa);
    expect(first).toMatchObject({
      code: "HU-01",
      title: "Compañía entregará agua a Huancané",
      text: "La Compañía; con el GORE, entregará agua.",
      madeOn: "2026-01-15",
      dueOn: null,
    });
    expect(second).toMatchObject({ title: "Reunión en Huancané", status: "in_progress", dueOn: "2026-03-01" });
  });

  it("imports an .xlsx workbook, its date cells on the right day in APP_TIMEZONE", async () => {
    const mesa = newMesa();
    const date = (iso: string) => ({ value: new Date(`${iso}T00:00:00Z`), format: "dd/mm/yyyy" });
    const sheet: SheetData = [
      HEADER.split(","),
      ["XL-01", "Agua para Huancané", "La Compañía entregará agua.", "water", "compania;gore", "compania"],
      ["XL-02", "Posta médica", "Texto.", "health", "gore", "", "2026-02-01", null, null],
    ];
    sheet[1].push(date("2026-01-15"), date("2026-06-30"), "fulfilled");
    const bytes = await writeExcelFile(sheet).toBuffer();

    const result = await run(commissioner, mesa, { name: "acta.xlsx", bytes });

    expect(result.rows.flatMap((r) => r.issues)).toEqual([]);
    const [first, second] = commitmentsOf(mesa);
    expect(first).toMatchObject({ title: "Agua para Huancané", madeOn: "2026-01-15", dueOn: "2026-06-30" });
    expect(first.status).toBe("fulfilled");
    expect(first.responsibleParties.map((p) => [p.slug, p.lead])).toEqual([
      ["compania", true],
      ["gore", false],
    ]);
    // A single party with no lead_party leads; an empty status is pending.
    expect(second).toMatchObject({
      status: "pending",
      dueOn: null,
      responsibleParties: [{ slug: "gore", lead: true }],
    });
  });

  it("previews without writing (dryRun), then writes every row with one audit row and one history entry each", async () => {
    const mesa = newMesa();
    const input = file(
      csv([
        "A-1,Uno,Texto uno.,water,gore,gore,2026-01-10,,pending",
        "A-2,Dos,Texto dos.,land,compania;comunidad,comunidad,2026-01-10,2026-02-01,broken",
      ]),
    );
    const before = snapshot();
    const preview = await run(commissioner, mesa, input, true);
    expect(preview).toMatchObject({ valid: true, imported: null, missingColumns: [] });
    expect(snapshot()).toEqual(before);

    const result = await run(commissioner, mesa, input);
    expect(result.imported!.map((c) => c.code)).toEqual(["A-1", "A-2"]);
    expect(snapshot()).toEqual([before[0] + 2, before[1] + 3, before[2] + 2, before[3] + 1]);
    const entry = getDb().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({ action: "commitment.import", actorUserId: commissioner!.userId });
    expect(entry.after).toMatchObject({ file: "acta.csv", count: 2, byStatus: { pending: 1, broken: 1 } });
    const broken = getCommitment(admin, result.imported![1].id)!;
    expect(broken.status).toBe("broken");
    expect(broken.history).toEqual([expect.objectContaining({ from: null, to: "broken" })]);
  });

  it("flags codes repeated in the file, superseded and recurring rows, and missing columns", async () => {
    const mesa = newMesa();
    const result = await run(
      commissioner,
      mesa,
      file(
        csv(
          [
            "R-1,Uno,water,gore,gore,2026-01-10,,,",
            "R-1,Otro,water,gore,gore,2026-01-10,,superseded,",
            "R-3,Tres,water,gore,gore,2026-01-10,,,weekly",
          ],
          "code,title,theme,responsible_parties,lead_party,made_on,due_on,status,recurrence",
        ),
      ),
    );
    const issues = (row: number) => result.rows.find((r) => r.row === row)!.issues;
    expect(issues(2)).toEqual([{ column: "code", code: "duplicate_in_file" }]);
    expect(issues(3)).toEqual<RowIssue[]>([
      { column: "code", code: "duplicate_in_file" },
      { column: "status", code: "superseded_not_importable" },
    ]);
    expect(issues(4)).toEqual([{ column: "recurrence", code: "invalid_choice" }]);

    const missing = await run(commissioner, mesa, file("code;titulo\nA;B\n"));
    expect(missing).toMatchObject({
      valid: false,
      missingColumns: ["title", "theme", "responsible_parties", "made_on"],
    });
    expect((await run(commissioner, mesa, file(HEADER + "\n"))).valid).toBe(false);
  });
});

describe("one validation for the form, the API and the import", () => {
  const base = {
    code: "V-1",
    title: "Título",
    text: "Texto.",
    theme: "water",
    responsibleParties: [{ slug: "gore", lead: true }],
    madeOn: "2026-01-10",
    dueOn: null as string | null,
  };
  const cells = (c: typeof base) =>
    [
      c.code,
      `"${c.title}"`,
      c.text,
      c.theme,
      c.responsibleParties.map((p) => p.slug).join(";"),
      c.responsibleParties.find((p) => p.lead)?.slug ?? "",
      c.madeOn,
      c.dueOn ?? "",
      "",
    ].join(",");

  it.each([
    ["a deadline before the agreement", { dueOn: "2026-01-01" }, "due_on", "due_before_made"],
    ["an overlong title", { title: "x".repeat(201) }, "title", "too_long"],
    ["a bad code", { code: "A B" }, "code", "invalid"],
    ["an unknown theme", { theme: "weather" }, "theme", "invalid_choice"],
    ["an impossible date", { madeOn: "2026-02-30" }, "made_on", "invalid_date"],
    [
      "no lead among several parties",
      {
        responsibleParties: [
          { slug: "gore", lead: false },
          { slug: "compania", lead: false },
        ],
      },
      "lead_party",
      "one_lead",
    ],
    [
      "a repeated party",
      {
        responsibleParties: [
          { slug: "gore", lead: true },
          { slug: "gore", lead: false },
        ],
      },
      "responsible_parties",
      "duplicate",
    ],
  ])("%s is refused with the same code by both", async (_, change, column, code) => {
    const mesa = newMesa();
    const input = { ...base, ...change };
    const created = refusal(() => createCommitment(commissioner, { mesa, ...input }));
    expect(created.issues.map((i) => i.code)).toEqual([code]);
    const imported = await run(commissioner, mesa, file(csv([cells(input)])));
    expect(imported.rows[0].issues).toEqual([{ column, code }]);
  });
});

describe("who may import, and what", () => {
  it("refuses the public, monitors, commissioners of other mesas and unknown mesas", () => {
    const mesa = newMesa();
    expect(refusal(() => importTarget(null, mesa)).status).toBe(401);
    expect(refusal(() => importTarget(monitor, mesa)).status).toBe(403);
    expect(refusal(() => importTarget(otherCommissioner, mesa)).status).toBe(403);
    expect(refusal(() => importTarget(admin, "no-existe")).status).toBe(404);
    expect(importTarget(admin, mesa).mesa.slug).toBe(mesa);
  });

  it("refuses other file types (415), files too large (413) and CSV it cannot read (422)", async () => {
    const mesa = newMesa();
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const xls = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)]);
    const status = async (bytes: Uint8Array) =>
      (await refusalOf(() => run(commissioner, mesa, { name: "x", bytes }))).status;
    expect(await status(png)).toBe(415);
    expect(await status(xls)).toBe(415);
    expect(await status(Buffer.alloc(MAX_IMPORT_BYTES + 1, "a"))).toBe(413);
    const many = csv(Array.from({ length: 1001 }, (_, i) => `M-${i},T,x,water,gore,gore,2026-01-01,,`));
    expect(await status(Buffer.from(many))).toBe(413);
    expect(await status(Buffer.from(`${HEADER}\n"sin cerrar,x\n`))).toBe(422);
  });
});

describe("reading the file", () => {
  it("takes UTF-8 with or without a BOM, else Windows-1252", () => {
    expect(decodeText(Buffer.from("\uFEFFHuancané", "utf8"))).toBe("Huancané");
    expect(decodeText(Buffer.from("Huancané", "utf8"))).toBe("Huancané");
    // "Compañía “acta” – 5 €" as Windows-1252 saves it.
    const bytes = Buffer.from("436f6d7061f1ed6120936163746194209620352080", "hex");
    expect(decodeText(bytes)).toBe("Compañía “acta” – 5 €");
  });

  it("finds the separator in the header line, ignoring quoted text", () => {
    expect(delimiterOf("code;title;theme\nA,B;C")).toBe(";");
    expect(delimiterOf('code,"a;b;c",theme\n')).toBe(",");
    expect(delimiterOf("code\ttitle\ttheme")).toBe("\t");
    expect(delimiterOf("code")).toBe(",");
  });
});
