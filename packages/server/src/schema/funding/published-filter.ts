// Which new funding calls a subscriber or a saved search wants: the one definition both use,
// the SQL function funding_call_wanted (prisma/migrations/…_wanted_filters).
import { Prisma } from "../../generated/prisma/index.js";
import type { Context } from "../context.js";

/** Eligible countries and programmes (FundingCallPublishedFilter). */
export interface PublishedFilter {
  countries?: string[] | null;
  programmes?: string[] | null;
}

/** Whether funding call `id` is one the filter wants (every one, without a filter: no statement). */
export const publishedMatches = async (read: Context["read"], id: number, filter: PublishedFilter | null | undefined) =>
  !filter ||
  (
    await read<{ wanted: boolean }>(
      Prisma.sql`SELECT funding_call_wanted(${id}, ${JSON.stringify(filter)}::jsonb) AS wanted`,
    )
  )[0].wanted;
