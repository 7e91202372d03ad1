import { parse } from "csv-parse/sync";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/db/access";
import { getDb } from "@/db/client";
import { createCommitment } from "@/db/commands/commitments";
import { MAX_IMPORT_BYTES } from "@/db/commands/import-file";
import { changeStatus } from "@/db/commands/status";
import { getCommitment } from "@/db/queries/commitment-detail";
import { commitments, mesas } from "@/db/schema";
import { makeMesa, makeParty, makeUser } from "@/db/testing/fixtures";
import { GET as exportCsv } from "../../../commitments.csv/route";
import { POST } from "./route";

// Outside a Next.js request there is no session: each test says who is asking.
const session = vi.hoisted(() => ({ viewer: null as Viewer }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "monitor.example" }) }));
vi.mock("@/db/session", () => ({ getViewer: async () => session.viewer }));

let admin: Viewer;
let commissioner: Viewer;
let monitor: Viewer;
const HEADER = "code,title,text,theme,responsible_parties,lead_party,made_on,due_on,status";

function upload(mesa: string, body: BodyInit, query = "", headers: HeadersInit = {}) {
  const request = new Request(`http://monitor.example/api/v1/mesas/${mesa}/import${query}`, {
    method: "POST",
    body,
    headers,
  });
  return POST(request, { params: Promise.resolve({ slug: mesa }) });
}

function form(content: BlobPart, name = "acta.csv") {
  const data = new FormData();
  data.set("file", new File([content], name));
  return data;
}

async function download(mesa: string) {
  const response = await exportCsv(new Request(`http://monitor.example/api/v1/commitments.csv?mesa=${mesa}`));
  return new Uint8Array(await response.arrayBuffer());
}

const total = () => getDb().select({ n: count() }).from(commitments).get()!.n;

beforeAll(() => {
  const origen = makeMesa("origen");
  const destino = makeMesa("destino");
  for (const slug of ["gore-apurimac", "compania-minera", "comunidad-huancane"]) makeParty(slug);
  const viewer = (role: "monitor" | "commissioner" | "admin", mesaIds: number[]): Viewer => {
    const user = makeUser(role);
    return { userId: user.id, name: user.name, role, mesaIds };
  };
  admin = viewer("admin", []);
  commissioner = viewer("commissioner", [destino.id, origen.id]);
  monitor = viewer("monitor", [destino.id]);
});

describe("POST /api/v1/mesas/{slug}/import", () => {
  it("reads back the open-data export: export → import into an empty mesa gives the same commitments, recurring ones too", async () => {
    const made = [
      ["HU-01", 'Compañía entregará agua a Huancané, "sin demora"; cada semana', "water", ["compania-minera"], null],
      ["HU-02", "Posta médica", "health", ["gore-apurimac", "comunidad-huancane"], "2027-03-31"],
      ["HU-03", "Mesa técnica de tierras", "land", ["comunidad-huancane", "gore-apurimac"], "2026-02-01"],
      ["HU-04", "Empleo local", "employment", ["compania-minera", "comunidad-huancane"], "2026-06-30"],
    ] as const;
    for (const [code, title, theme, parties, dueOn] of made) {
      createCommitment(commissioner, {
        mesa: "origen",
        code,
        title,
        text: title,
        theme,
        responsibleParties: parties.map((slug, i) => ({ slug, lead: i === 0 })),
        madeOn: "2026-01-15",
        dueOn,
      });
    }
    createCommitment(commissioner, {
      mesa: "origen",
      code: "HU-05",
      title: "Aporte anual al fondo comunal",
      text: "Aporte anual al fondo comunal",
      theme: "economic_compensation",
      responsibleParties: [{ slug: "compania-minera", lead: true }],
      madeOn: "2026-01-15",
      recurrence: { every: "yearly", endsOn: "2030-12-31" },
    });
    const idOf = (code: string, mesa = "origen") =>
      getDb()
        .select({ id: commitments.id })
        .from(commitments)
        .innerJoin(mesas, eq(mesas.id, commitments.mesaId))
        .where(and(eq(mesas.slug, mesa), eq(commitments.code, code)))
        .get()!.id;
    changeStatus(commissioner, idOf("HU-02"), { status: "in_progress", reason: "Obra iniciada" });
    changeStatus(commissioner, idOf("HU-03"), { status: "fulfilled", reason: "Acta firmada" });
    changeStatus(commissioner, idOf("HU-04"), { status: "broken", reason: "Declarado incumplido" });

    session.viewer = commissioner;
    const exported = await download("origen");
    const response = await upload("destino", form(exported, "commitments.csv"));
    expect(response.status).toBe(201);
    expect((await response.json()).imported).toBe(5);

    const records = async (mesa: string) =>
      (parse(await download(mesa), { bom: true, columns: true }) as Record<string, string>[]).map(
        ({ id: _, mesa: __, url: ___, last_change_on: ____, ...same }) => same,
      );
    expect(await records("destino")).toEqual(await records("origen"));
    expect(await records("destino")).toHaveLength(5);
    expect((await records("destino")).find((r) => r.code === "HU-05")).toMatchObject({
      recurrence: "yearly",
      ends_on: "2030-12-31",
    });
    // The export has no full text (CONTRACT §6), so the title stands in for it.
    const copy = getCommitment(admin, idOf("HU-01", "destino"))!;
    expect(copy).toMatchObject({ mesa: "destino", code: "HU-01", text: made[0][1] });
  });

  it("previews with ?dryRun=true (200, nothing written) and refuses a bad file with 422 naming each row and field", async () => {
    session.viewer = commissioner;
    const csv = [
      HEADER,
      "P-1,Uno,Texto.,water,gore-apurimac,gore-apurimac,2026-01-10,,pending",
      "P-2,Dos,Texto.,water,gore-apurimac;compania-minera,nadie,2026-01-10,,pending",
      "P-3,Tres,Texto.,weather,gore-apurimac,,2026-01-10,2025-01-01,pending",
    ].join("\n");
    const before = total();

    const preview = await upload("destino", form(csv), "?dryRun=true");
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.valid).toBe(false);
    expect(body.rows.map((r: { row: number; issues: unknown[] }) => [r.row, r.issues.length])).toEqual([
      [2, 0],
      [3, 1],
      [4, 2],
    ]);

    const refused = await upload("destino", form(csv));
    expect(refused.status).toBe(422);
    const { error } = await refused.json();
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([
      { path: "rows.3.lead_party", message: expect.stringContaining("lead") },
      { path: "rows.4.theme", message: "Choose one of the options." },
      { path: "rows.4.due_on", message: expect.any(String) },
    ]);
    expect(total()).toBe(before);
  });

  it("checks who asks before reading the file: 401 for the public, 403 for a monitor, 404 for an unknown mesa", async () => {
    const csv = `${HEADER}\nA-1,Uno,Texto.,water,gore-apurimac,,2026-01-10,,`;
    session.viewer = null;
    expect((await upload("destino", form(csv))).status).toBe(401);
    session.viewer = monitor;
    expect((await upload("destino", form(csv))).status).toBe(403);
    session.viewer = commissioner;
    expect((await upload("no-existe", form(csv))).status).toBe(404);
  });

  it("answers 415 for anything but multipart CSV or .xlsx, 413 over the size, 422 without a file, 400 for a bad dryRun", async () => {
    session.viewer = commissioner;
    const json = await upload("destino", JSON.stringify({ file: "x" }), "", { "content-type": "application/json" });
    expect(json.status).toBe(415);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    expect((await upload("destino", form(png, "foto.png"))).status).toBe(415);
    expect((await upload("destino", form(Buffer.alloc(MAX_IMPORT_BYTES + 1, "a")))).status).toBe(413);
    const empty = new FormData();
    empty.set("other", "x");
    const missing = await upload("destino", empty);
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.issues).toEqual([{ path: "file", message: "This field is required." }]);
    expect((await upload("destino", form("x"), "?dryRun=maybe")).status).toBe(400);
  });
});
