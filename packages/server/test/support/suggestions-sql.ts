// How PostgreSQL scored partner suggestions before the towns' places were kept in memory: every
// candidate in one statement, the best `limit` with the factors' raw inputs. The suite compares
// the scoring in memory (bestCandidates) with it, row for row.
import { Prisma } from "../../src/generated/prisma/index.js";
import {
  activityCtes,
  type Criteria,
  HALF_SCORE_KM,
  populationRange,
  WEIGHTS,
} from "../../src/schema/partnerships/suggestions.js";

export function candidatesSql(c: Criteria, limit: number) {
  const range = populationRange(c);
  const mid = range?.middle ?? null;
  const halfRange = range?.halfWidth ?? null;
  return Prisma.sql`
    WITH origin AS (SELECT latitude, longitude FROM "Town" WHERE id = ${c.townId}),
    candidate AS (
      SELECT t.id, t.population, t."countryCode",
             earth_distance(ll_to_earth(o.latitude, o.longitude), ll_to_earth(t.latitude, t.longitude)) / 1000 AS km,
             CASE WHEN ${mid}::float8 IS NULL OR t.population IS NULL THEN 0.5
                  ELSE greatest(0, 1 - abs(t.population - ${mid}::float8) / ${halfRange}::float8) END AS fit
        FROM "Town" t, origin o
       WHERE t.id <> ${c.townId}
         AND (${c.populationMin}::int IS NULL OR t.population >= ${c.populationMin}::int)
         AND (${c.populationMax}::int IS NULL OR t.population <= ${c.populationMax}::int)
         AND (${c.countries}::text[] IS NULL OR t."countryCode" = ANY(${c.countries}::text[]))
         AND (${c.maxKm}::float8 IS NULL OR (earth_box(ll_to_earth(o.latitude, o.longitude), ${c.maxKm}::float8 * 1000) @> ll_to_earth(t.latitude, t.longitude)
              AND earth_distance(ll_to_earth(o.latitude, o.longitude), ll_to_earth(t.latitude, t.longitude)) <= ${c.maxKm}::float8 * 1000))
    ),
    ${activityCtes(c)},
    scored AS (
      SELECT c.*, th.themes, ti.ties,
             ${WEIGHTS.POPULATION_FIT}::float8 * c.fit
             + ${WEIGHTS.DISTANCE}::float8 / (1 + c.km / ${HALF_SCORE_KM}::float8)
             + ${WEIGHTS.COUNTRY_DIVERSITY}::float8 * (CASE WHEN c."countryCode" <> ${c.countryCode} THEN 1 ELSE 0 END)
             + ${WEIGHTS.SHARED_THEMES}::float8 * (CASE WHEN cardinality(${c.topicIds}::int[]) = 0 THEN 0 ELSE coalesce(cardinality(th.themes), 0)::float8 / cardinality(${c.topicIds}::int[]) END)
             + ${WEIGHTS.EXISTING_TIES}::float8 * (CASE WHEN ti.ties IS NULL THEN 0 ELSE 1 END) AS score
        FROM candidate c
        LEFT JOIN town_themes th ON th.id = c.id
        LEFT JOIN town_ties ti ON ti.id = c.id
    )
    SELECT id, population, "countryCode", km, fit, themes, ties FROM scored ORDER BY score DESC, population DESC NULLS LAST, id LIMIT ${limit}`;
}
