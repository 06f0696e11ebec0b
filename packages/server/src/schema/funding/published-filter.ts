// Which new funding calls a subscriber or a saved search wants: the one definition both use.
import type { Prisma } from "../../generated/prisma/index.js";

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
