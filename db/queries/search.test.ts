import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { getDb } from "../client";
import { commitments } from "../schema";
import { makeCommitment, makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { listCommitments } from "./commitments";
import { commitmentFiltersSchema } from "./filters";
import { matchExpression } from "./search";

const found = (viewer: Viewer, q: string) =>
  listCommitments(viewer, commitmentFiltersSchema.parse({ q })).data.map((c) => c.code);

let admin: Viewer;
let staff: Viewer;
let mesaId: number;

beforeAll(() => {
  const mesa = makeMesa("search");
  mesaId = mesa.id;
  const other = makeMesa("other");
  const party = makeParty("search-party");
  admin = { userId: makeUser("admin").id, name: "Admin", role: "admin", mesaIds: [] };
  staff = { userId: makeUser("commissioner").id, name: "Staff", role: "commissioner", mesaIds: [mesa.id] };
  const commitment = (code: string, title: string, text = "Texto del acta.", onMesa = mesa.id) =>
    makeCommitment({ mesaId: onMesa, partyIds: [party.id], code, title, text });

  commitment("LB-07", "Acceso a la información pública");
  commitment("LB-17", "Capacitacion laboral sin tilde");
  commitment("ES-01", "Aguas residuales de Yauri");
  commitment("ES-02", "Planta de agua potable");
  // Same mesa, codes in the opposite order of relevance: only ranking puts ES-04 first.
  commitment("ES-03", "Informe anual", "Incluye la vigilancia sanitaria de la población.");
  commitment("ES-04", "Vigilancia sanitaria", "Texto del acta.");
  commitment("ES-05", "Viejo título", "Texto del acta.", other.id);
  makeCommitment({
    mesaId: mesa.id,
    partyIds: [party.id],
    code: "LB-99",
    title: "Convenio reservado de seguridad",
    visibility: "restricted",
  });
});

describe("search", () => {
  it("folds accents both ways", () => {
    expect(found(null, "informacion")).toEqual(["LB-07"]);
    expect(found(null, "INFORMACIÓN")).toEqual(["LB-07"]);
    expect(found(null, "capacitación")).toEqual(["LB-17"]);
  });

  it("matches the start of words", () => {
    expect(found(null, "agua").sort()).toEqual(["ES-01", "ES-02"]);
    expect(found(null, "infor").sort()).toEqual(["ES-03", "LB-07"]);
    expect(found(null, "gua")).toEqual([]);
  });

  it("requires every word", () => {
    expect(found(null, "agua potable")).toEqual(["ES-02"]);
    expect(found(null, "agua informacion")).toEqual([]);
  });

  it("finds a commitment by its code, whole or partial", () => {
    expect(found(null, "LB-07")).toEqual(["LB-07"]);
    expect(found(null, "lb 07")).toEqual(["LB-07"]);
    expect(found(null, "LB-0")).toEqual(["LB-07"]);
    expect(found(null, "LB-").sort()).toEqual(["LB-07", "LB-17"]);
  });

  it("treats FTS syntax in the input as plain words, never as an error", () => {
    const hostile = [
      '"',
      "*",
      "NEAR(",
      "a OR",
      "-x",
      ":",
      '"agua',
      "agua*",
      "(agua",
      "title:agua",
      "agua OR",
      "^agua",
      "\u0301",
    ];
    for (const q of hostile) expect(() => found(null, q), q).not.toThrow();
    // Operators are words like any other: OR and NOT must also be found, so nothing matches.
    expect(found(null, "agua OR potable")).toEqual([]);
    expect(found(null, "NOT agua")).toEqual([]);
    expect(found(null, "title:agua potable")).toEqual([]);
    expect(found(null, "(agua) -potable*").sort()).toEqual(["ES-02"]);
    expect(found(null, '"agua').sort()).toEqual(["ES-01", "ES-02"]);
  });

  it("builds one quoted prefix term per needed word", () => {
    expect(matchExpression('title:agua NEAR(x) OR "y*')).toBe('"title"* "agua"* "NEAR"* "x"* "OR"* "y"*');
    expect(matchExpression("a Agua agua AGUA á potable")).toBe('"Agua"* "potable"*');
    expect(matchExpression("LB-0 LB-07")).toBe('"LB"* "07"*');
    expect(matchExpression("informacion información")).toBe('"informacion"*');
    const many = Array.from({ length: 50 }, (_, i) => `w${i}x`).join(" ");
    expect(matchExpression(many)?.split(" ")).toHaveLength(8);
  });

  it("matches nothing when the input has no word", () => {
    for (const q of ['"', "*", ":", "-", "%", "()", "…"]) {
      expect(matchExpression(q), q).toBeNull();
      expect(found(admin, q), q).toEqual([]);
    }
  });

  it("never finds a restricted commitment for the public", () => {
    expect(found(null, "seguridad")).toEqual([]);
    expect(found(null, "LB-99")).toEqual([]);
    expect(found(staff, "seguridad")).toEqual(["LB-99"]);
    expect(found(admin, "reservado")).toEqual(["LB-99"]);
  });

  it("follows edits and deletions (triggers)", () => {
    const db = getDb();
    db.update(commitments).set({ title: "Nuevo puente peatonal" }).where(eq(commitments.code, "ES-05")).run();
    expect(found(null, "viejo")).toEqual([]);
    expect(found(null, "puente")).toEqual(["ES-05"]);
    db.update(commitments).set({ text: "Obra en Pichigua" }).where(eq(commitments.code, "ES-05")).run();
    expect(found(null, "pichigua")).toEqual(["ES-05"]);

    const gone = makeCommitment({ mesaId, partyIds: [], code: "ZZ-1", title: "Compromiso efímero" });
    expect(found(null, "efimero")).toEqual(["ZZ-1"]);
    db.delete(commitments).where(eq(commitments.id, gone.id)).run();
    expect(found(null, "efimero")).toEqual([]);
  });

  it("ranks a title match before a match in the text only", () => {
    expect(found(null, "vigilancia")).toEqual(["ES-04", "ES-03"]);
    expect(found(null, "sanitaria vigilancia")).toEqual(["ES-04", "ES-03"]);
  });

  it("keeps the usual order without a search", () => {
    const codes = listCommitments(null, commitmentFiltersSchema.parse({ mesa: "search" })).data.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
  });
});
