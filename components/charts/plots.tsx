"use client";

import dynamic from "next/dynamic";

// The recharts drawings, loaded after the page: recharts 3 draws nothing on the server anyway
// (recharts/recharts#5997), and its ~120 KB (gzip) then stays out of the page's first load. The
// figure reserves each drawing's box meanwhile (chart-figure.tsx), and its table carries the numbers.
export const StackedBars = dynamic(() => import("./stacked-bars").then((m) => m.StackedBars), { ssr: false });
export const MonthlyLine = dynamic(() => import("./monthly-line").then((m) => m.MonthlyLine), { ssr: false });
