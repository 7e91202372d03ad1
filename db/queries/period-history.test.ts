import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access";
import { createCommitment } from "../commands/commitments";
import { setPeriodStatus } from "../commands/period-status";
import { makeMesa, makeParty, makeUser } from "../testing/fixtures";
import { periodHistoryOf } from "./period-history";

let commissioner: NonNullable<Viewer>;
let outsider: Viewer;

const yearly = (visibility: "public" | "restricted") =>
  createCommitment(commissioner, {
    mesa: "mesa-h",
    code: `H-${Math.random().toString(36).slice(2, 8)}`,
    title: "Aporte anual al fondo comunal",
    text: "La empresa aportará cada año al fondo comunal.",
    theme: "economic_compensation",
    responsibleParties: [{ slug: "empresa-h", lead: true }],
    madeOn: "2023-01-01",
    visibility,
    recurrence: { every: "yearly" },
  }).id;

beforeAll(() => {
  const mesa = makeMesa("mesa-h").id;
  makeParty("empresa-h", "company");
  const user = makeUser("commissioner", "Comisionada H");
  commissioner = { userId: user.id, name: user.name, role: "commissioner", mesaIds: [mesa] };
  const other = makeUser("commissioner");
  outsider = { userId: other.id, name: other.name, role: "commissioner", mesaIds: [makeMesa().id] };
});

describe("a recurring commitment's period history", () => {
  it("lists each change period by period, oldest first, with who and why", () => {
    const id = yearly("public");
    setPeriodStatus(commissioner, id, 2, { status: "partial", reason: "Aporte de 2024 incompleto" });
    setPeriodStatus(commissioner, id, 1, { status: "fulfilled", reason: "Aporte de 2023 depositado" });
    setPeriodStatus(commissioner, id, 2, { status: "broken", reason: "El saldo de 2024 no llegó" });

    const history = periodHistoryOf(null, id);
    expect(history.map(({ n, from, to, by, reason }) => ({ n, from, to, by, reason }))).toEqual([
      { n: 1, from: "pending", to: "fulfilled", by: "Comisionada H", reason: "Aporte de 2023 depositado" },
      { n: 2, from: "pending", to: "partial", by: "Comisionada H", reason: "Aporte de 2024 incompleto" },
      { n: 2, from: "partial", to: "broken", by: "Comisionada H", reason: "El saldo de 2024 no llegó" },
    ]);
  });

  it("is empty for a commitment the viewer may not see, or that does not exist", () => {
    const id = yearly("restricted");
    setPeriodStatus(commissioner, id, 1, { status: "broken", reason: "Sin aporte en 2023" });
    expect(periodHistoryOf(commissioner, id)).toHaveLength(1);
    expect(periodHistoryOf(null, id)).toEqual([]);
    expect(periodHistoryOf(outsider, id)).toEqual([]);
    expect(periodHistoryOf(null, 999_999)).toEqual([]);
  });
});
