import { describe, expect, it } from "vitest";
import type { MesaStatus } from "../enums";
import { firstValues, mesaListParamsSchema, parseLeniently } from "./filters";
import { listMesaPage, mesaListQuery, sortHrefs } from "./mesa-list";

type Mesa = {
  slug: string;
  name: string;
  region: string;
  status: MesaStatus;
  total: number;
  counts: { overdue: number };
  complianceRate: number | null;
};

const mesa = (slug: string, name: string, region: string, total: number, overdue: number, rate: number | null) =>
  ({ slug, name, region, status: "active", total, counts: { overdue }, complianceRate: rate }) satisfies Mesa;

const few: Mesa[] = [
  mesa("espinar", "Espinar", "Cusco", 20, 3, 0.5),
  mesa("las-bambas", "Las Bambas", "Apurímac", 30, 5, 0.25),
  { ...mesa("quellaveco", "Quellaveco (Moquegua)", "Moquegua", 15, 0, null), status: "suspended" },
];

/** 45 mesas in three regions, with distinct figures. */
const many: Mesa[] = Array.from({ length: 45 }, (_, i) =>
  mesa(
    `m-${i}`,
    `Mesa ${String(i).padStart(2, "0")}`,
    ["Cusco", "Áncash", "Puno"][i % 3],
    i,
    44 - i,
    i % 5 ? i / 50 : null,
  ),
);

const params = (query: string) => parseLeniently(mesaListParamsSchema, firstValues(new URLSearchParams(query)));
const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);

describe("the overview's mesa list", () => {
  it("shows few mesas as cards by name, unless the URL asks for the table", () => {
    const cards = listMesaPage(few, params(""));
    expect(cards.layout).toBe("cards");
    expect(slugs(cards.rows)).toEqual(["espinar", "las-bambas", "quellaveco"]);
    expect(listMesaPage(few, params("mview=table")).layout).toBe("table");
    expect(listMesaPage(few, params("sort=overdue")).layout).toBe("table");
  });

  it("shows a table of 20 per page above 12 mesas, the last page clamped", () => {
    const first = listMesaPage(many, params(""));
    expect(first).toMatchObject({ layout: "table", total: 45, page: 1, pageSize: 20, sort: "name", dir: "asc" });
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].slug).toBe("m-0");
    const last = listMesaPage(many, params("mpage=3"));
    expect(slugs(last.rows)).toEqual(["m-40", "m-41", "m-42", "m-43", "m-44"]);
    expect(listMesaPage(many, params("mpage=99"))).toMatchObject({ page: 3, params: { mpage: 3 } });
  });

  it("sorts by each column, figures biggest first by default, ties by name", () => {
    expect(listMesaPage(many, params("sort=total")).rows[0].slug).toBe("m-44");
    expect(listMesaPage(many, params("sort=total&dir=asc")).rows[0].slug).toBe("m-0");
    expect(listMesaPage(many, params("sort=overdue")).rows[0].slug).toBe("m-0");
    const byRegion = listMesaPage(many, params("sort=region&dir=desc")).rows;
    expect(byRegion[0].region).toBe("Puno");
    expect(byRegion[0].name < byRegion[1].name).toBe(true);
    expect(listMesaPage(many, params("sort=region")).rows[0].region).toBe("Áncash");
    expect(listMesaPage(many, params("sort=name&dir=desc")).rows[0].slug).toBe("m-44");
  });

  it("puts mesas without a compliance rate last in either direction", () => {
    const asc = listMesaPage(few, params("sort=rate"));
    expect(slugs(asc.rows)).toEqual(["las-bambas", "espinar", "quellaveco"]);
    const desc = listMesaPage(few, params("sort=rate&dir=desc"));
    expect(slugs(desc.rows)).toEqual(["espinar", "las-bambas", "quellaveco"]);
  });

  it("filters by name ignoring case and accents, by region and by status", () => {
    expect(slugs(listMesaPage(few, params("mq=BAMBAS")).rows)).toEqual(["las-bambas"]);
    expect(slugs(listMesaPage([...few, mesa("x", "Cañón", "Ica", 1, 0, null)], params("mq=canon")).rows)).toEqual([
      "x",
    ]);
    expect(slugs(listMesaPage(few, params("region=Apur%C3%ADmac")).rows)).toEqual(["las-bambas"]);
    expect(slugs(listMesaPage(few, params("mstatus=suspended")).rows)).toEqual(["quellaveco"]);
    const none = listMesaPage(many, params("mq=nada"));
    expect(none).toMatchObject({ total: 0, page: 1, rows: [] });
    expect(listMesaPage(many, params("region=Puno")).total).toBe(15);
  });

  it("drops bad values instead of failing, and lists the regions for the select", () => {
    const view = listMesaPage(many, params("sort=bogus&dir=up&mstatus=x&mpage=-2&region=Marte"));
    expect(view).toMatchObject({ layout: "table", sort: "name", dir: "asc", page: 1, total: 45 });
    expect(view.params.region).toBeUndefined();
    expect(view.regions).toEqual(["Áncash", "Cusco", "Puno"]);
  });

  it("writes back only the parameters in force, for links", () => {
    expect(mesaListQuery(params("mq=a&sort=rate&dir=desc&mpage=1&extra=1"))).toEqual({
      mq: "a",
      sort: "rate",
      dir: "desc",
    });
    expect(mesaListQuery(params("mpage=2&mview=table"))).toEqual({ mpage: "2", mview: "table" });
  });
});

describe("sort links", () => {
  it("turn the sorted column round, start others in their usual order, keep filters and other lists", () => {
    const links = sortHrefs(listMesaPage(many, params("sort=total&mq=Mesa&mpage=2")), { ppage: "3" });
    expect(links.total).toBe("/?ppage=3&mq=Mesa&sort=total&dir=asc#mesas");
    expect(links.name).toBe("/?ppage=3&mq=Mesa&sort=name&dir=asc#mesas");
    expect(links.overdue).toBe("/?ppage=3&mq=Mesa&sort=overdue&dir=desc#mesas");
  });
});
