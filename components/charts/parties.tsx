"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { fill } from "@/i18n/fill";
import type { Stats } from "@/db/queries/stats";
import { ChartFigure, type ChartProps } from "./chart-figure";
import styles from "./charts.module.css";
import { OVERDUE_COLOUR, STATUS_COLOURS } from "./palette";
import { stackedBarsSize } from "./geometry";
import { StackedBars } from "./plots";
import {
  DEFAULT_PARTY_ORDER,
  PARTY_SORTS,
  firstDirection,
  partiesTable,
  rowObjects,
  type PartyOrder,
  type PartySort,
} from "./tables";

/** The chart shows this many parties at most; the table shows them all. */
const TOP_PARTIES = 10;

const isPartySort = (key: string | null): key is PartySort => (PARTY_SORTS as readonly string[]).includes(key ?? "");

function orderOf(by: string | null, dir: string | null): PartyOrder {
  if (!isPartySort(by)) return DEFAULT_PARTY_ORDER;
  return { by, dir: dir === "asc" || dir === "desc" ? dir : firstDirection(by) };
}

/**
 * Overdue and broken commitments per responsible party, as stacked bars, over a table whose
 * headers sort both: the chart shows the table's first ten (issue 8).
 */
export function PartiesChart({ stats, ...props }: ChartProps & { stats: Pick<Stats, "byParty"> }) {
  const { labels, locale } = props;
  const l = labels.parties;
  // The order is part of the view (CONTRACT §4): `psort` and `pdir` in the URL.
  const search = useSearchParams();
  const [order, setOrder] = useState<PartyOrder>(() => orderOf(search.get("psort"), search.get("pdir")));
  const table = partiesTable(stats, labels, order);
  const shown = { ...table, rows: table.rows.slice(0, TOP_PARTIES) };
  const series = [
    { key: "overdue", label: l.overdue, ...OVERDUE_COLOUR },
    { key: "broken", label: l.broken, ...STATUS_COLOURS.broken },
  ];
  const topNote = fill(l.top, { n: TOP_PARTIES, total: table.rows.length });
  const sortBy = (key: string) => {
    if (!isPartySort(key)) return;
    const next: PartyOrder =
      order.by === key ? { by: key, dir: order.dir === "asc" ? "desc" : "asc" } : { by: key, dir: firstDirection(key) };
    setOrder(next);
    const params = new URLSearchParams(window.location.search);
    params.set("psort", next.by);
    params.set("pdir", next.dir);
    window.history.replaceState(null, "", `?${params}${window.location.hash}`);
  };
  return (
    <ChartFigure
      {...props}
      id="parties"
      title={l.title}
      caption={
        <>
          {l.caption}
          {table.rows.length > TOP_PARTIES && <span className={styles.captionNote}>{topNote}</span>}
          <span className={`${styles.captionNote} ${styles.screenOnly}`}>{labels.sortHint}</span>
        </>
      }
      table={table}
      sort={{ ...order, onSort: sortBy }}
      legend={series}
      size={stackedBarsSize(shown.rows.length)}
      plot={
        <StackedBars
          data={rowObjects(shown)}
          category="party"
          series={series}
          totalKey="overdueBroken"
          locale={locale}
        />
      }
    />
  );
}
