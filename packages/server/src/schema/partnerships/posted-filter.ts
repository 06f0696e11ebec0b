// Which new partner searches a subscriber or a saved search wants: the one definition both use,
// the SQL function partner_search_wanted (prisma/migrations/…_wanted_filters).
import { Prisma } from "../../generated/prisma/index.js";
import type { Context } from "../context.js";

/** The requesting town's country and population, and the search's topics (PartnerSearchPostedFilter). */
export interface PostedFilter {
  countries?: string[] | null;
  topics?: string[] | null;
  populationMin?: number | null;
  populationMax?: number | null;
}

/** Whether partner search `id` is one the filter wants (every one, without a filter: no statement). */
export const postedMatches = async (read: Context["read"], id: number, filter: PostedFilter | null | undefined) =>
  !filter ||
  (
    await read<{ wanted: boolean }>(
      Prisma.sql`SELECT partner_search_wanted(${id}, ${JSON.stringify(filter)}::jsonb) AS wanted`,
    )
  )[0].wanted;
