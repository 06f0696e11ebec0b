// Which new partner searches a subscriber or a saved search wants: the one definition both use.
import type { Prisma } from "../../generated/prisma/index.js";

type Reader = Pick<Prisma.TransactionClient, "partnerSearch">;

/** The requesting town's country and population, and the search's topics (PartnerSearchPostedFilter). */
export interface PostedFilter {
  countries?: string[] | null;
  topics?: string[] | null;
  populationMin?: number | null;
  populationMax?: number | null;
}

export function postedWhere(filter: PostedFilter | null | undefined) {
  const town: Prisma.TownWhereInput = {
    ...(filter?.countries ? { countryCode: { in: filter.countries.map((c) => c.toUpperCase()) } } : {}),
    ...(filter?.populationMin != null || filter?.populationMax != null
      ? { population: { gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined } }
      : {}),
  };
  return {
    town,
    ...(filter?.topics ? { topics: { some: { slug: { in: filter.topics } } } } : {}),
  } satisfies Prisma.PartnerSearchWhereInput;
}

/** Whether partner search `id` is one the filter wants (every one, without a filter: no statement). */
export const postedMatches = async (prisma: Reader, id: number, filter: PostedFilter | null | undefined) =>
  !filter || (await prisma.partnerSearch.count({ where: { id, ...postedWhere(filter) } })) > 0;
