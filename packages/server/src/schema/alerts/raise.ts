// Which saved searches a committed write matches, checked inside the write's transaction so
// that its alerts exist exactly when the write does.
import { Prisma, type SavedSearchKind, type WebhookEvent } from "../../generated/prisma/index.js";
import type { LiveEvent } from "../../live/pubsub.js";

/** A saved search a write may alert: it follows the written record's kind, town or network. */
export interface FollowingSearch {
  id: number;
  kind: SavedSearchKind;
  criteria: unknown;
}

/** The towns and networks a written record (`r`) is about: what TOWN and NETWORK searches follow. */
const SUBJECTS: Record<string, Prisma.Sql> = {
  Town: Prisma.sql`r.id AS town, NULL::int AS network`,
  PartnerSearch: Prisma.sql`r."townId" AS town, NULL::int AS network`,
  Membership: Prisma.sql`r."townId" AS town, r."networkId" AS network`,
  Event: Prisma.sql`r."hostTownId" AS town, r."networkId" AS network`,
};

/**
 * The saved searches that may want to hear of a committed write, as a JSON array: those of the
 * write's kinds (their criteria are checked by raiseAlerts), and those following a town or
 * network the record is about. A subquery the write's record reads in its own statement
 * (contributions/write.ts), where `written` is the record's row as that statement wrote it:
 * by default read from its table, which a statement that writes it too does not see yet.
 */
export function followingSearches(
  event: LiveEvent,
  kinds: readonly WebhookEvent[],
  written = Prisma.sql`(SELECT * FROM ${Prisma.raw(`"${event.recordType}"`)} WHERE id = ${event.recordId})`,
): Prisma.Sql {
  const filtered: SavedSearchKind[] = [
    ...(kinds.includes("PARTNER_SEARCH_POSTED") ? (["PARTNER_SEARCHES"] as const) : []),
    ...(kinds.includes("FUNDING_CALL_PUBLISHED") ? (["FUNDING_CALLS"] as const) : []),
  ];
  const subjects = kinds.includes("RECORD_CHANGED") ? SUBJECTS[event.recordType] : undefined;
  if (!filtered.length && !subjects) return Prisma.sql`'[]'::json`;
  const following = subjects
    ? Prisma.sql`EXISTS (SELECT FROM (SELECT ${subjects} FROM ${written} AS r) AS subject
        WHERE (s.kind = 'TOWN' AND s.criteria -> 'townId' = to_jsonb(subject.town))
           OR (s.kind = 'NETWORK' AND s.criteria -> 'networkId' = to_jsonb(subject.network)))`
    : Prisma.sql`false`;
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind, 'criteria', s.criteria)), '[]')
      FROM "SavedSearch" s
     WHERE s.kind::text = ANY(${filtered}::text[]) OR ${following})`;
}

/**
 * Raises an alert on each of the `following` searches that wants the written record, in one
 * statement of the write's transaction (`run`), after the record is written: a partner-search or
 * funding-call search's criteria are the filter a subscription would give (posted-filter.ts).
 */
export async function raiseAlerts(
  run: (sql: Prisma.Sql) => Promise<unknown>,
  event: LiveEvent,
  following: readonly FollowingSearch[],
): Promise<void> {
  if (!following.length) return;
  await run(Prisma.sql`
    INSERT INTO "Alert" ("savedSearchId", "recordType", "recordId", mutation)
    SELECT s.id, ${event.recordType}, ${event.recordId}, ${event.mutation}
      FROM "SavedSearch" s
     WHERE s.id = ANY(${following.map((search) => search.id)}::int[])
       AND CASE s.kind
             WHEN 'PARTNER_SEARCHES' THEN partner_search_wanted(${event.recordId}, s.criteria)
             WHEN 'FUNDING_CALLS' THEN funding_call_wanted(${event.recordId}, s.criteria)
             ELSE true
           END
     ORDER BY s.id`);
}
