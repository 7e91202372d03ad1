import { z } from "zod";
import { CHART_IDS } from "@/components/charts/tables";
import { statsParamsSchema } from "@/db/queries/filters";

/** `/stats.csv`: the scope of `/stats` and the chart whose table to give. */
export const statsCsvParamsSchema = statsParamsSchema.extend({ chart: z.enum(CHART_IDS) });
