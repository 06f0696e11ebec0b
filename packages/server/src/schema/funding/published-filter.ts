// Which new funding calls a subscriber or a saved search wants: the one definition both use.
import type { Prisma } from "../../generated/prisma/index.js";

type Reader = Pick<Prisma.TransactionClient, "fundingCall">;

/** Eligible countries and programmes (FundingCallPublishedFilter). */
export interface PublishedFilter {
  countries?: string[] | null;
  programmes?: string[] | null;
}

export function publishedWhere(filter: PublishedFilter | null | undefined) {
  return {
    ...(filter?.countries
      ? { eligibleCountries: { some: { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } } }
      : {}),
    ...(filter?.programmes ? { programme: { slug: { in: filter.programmes } } } : {}),
  } satisfies Prisma.FundingCallWhereInput;
}

/** Whether funding call `id` is one the filter wants (every one, without a filter: no statement). */
export const publishedMatches = async (prisma: Reader, id: number, filter: PublishedFilter | null | undefined) =>
  !filter || (await prisma.fundingCall.count({ where: { id, ...publishedWhere(filter) } })) > 0;
