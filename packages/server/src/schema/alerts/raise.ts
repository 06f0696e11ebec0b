// Which saved searches a committed write matches, checked in the write's own statement so that
// its alerts exist exactly when the write does.
import { Prisma, type SavedSearchKind, type WebhookEvent } from "../../generated/prisma/index.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { quoteIdent } from "../../sql-plan/prisma-args.js";

/** The towns and networks a written record (`r`) is about: what TOWN and NETWORK searches follow. */
const SUBJECTS: Record<string, Prisma.Sql> = {
  Town: Prisma.sql`r.id AS town, NULL::int AS network`,
  PartnerSearch: Prisma.sql`r."townId" AS town, NULL::int AS network`,
  Membership: Prisma.sql`r."townId" AS town, r."networkId" AS network`,
  Event: Prisma.sql`r."hostTownId" AS town, r."networkId" AS network`,
};

/**
 * The alerts a write raises on the saved searches that want its record: those following a town
 * or network the record is about, and those of the write's kinds whose criteria accept it (the
 * filter a subscription would give: a partner search as its snapshot `after` shows it, a
 * funding call by its id). An INSERT the write's record runs in its own statement
 * (contributions/write.ts), so that they exist exactly when the write does (`written`: whether
 * the statement wrote it). `row` is the record's row as that statement wrote it: by default read
 * from its table, which a statement that writes it too does not see yet.
 */
export function alertsRaised(
  event: Omit<LiveEvent, "version">,
  kinds: readonly WebhookEvent[],
  {
    after,
    written,
    row = Prisma.sql`(SELECT * FROM ${Prisma.raw(quoteIdent(event.recordType))} WHERE id = ${event.recordId})`,
  }: { after: Prisma.Sql; written: Prisma.Sql; row?: Prisma.Sql },
): Prisma.Sql | null {
  const filtered: SavedSearchKind[] = [
    ...(kinds.includes("PARTNER_SEARCH_POSTED") ? (["PARTNER_SEARCHES"] as const) : []),
    ...(kinds.includes("FUNDING_CALL_PUBLISHED") ? (["FUNDING_CALLS"] as const) : []),
  ];
  const subjects = kinds.includes("RECORD_CHANGED") ? SUBJECTS[event.recordType] : undefined;
  if (!filtered.length && !subjects) return null;
  const following = subjects
    ? Prisma.sql`EXISTS (SELECT FROM (SELECT ${subjects} FROM ${row} AS r) AS subject
        WHERE (s.kind = 'TOWN' AND s.criteria -> 'townId' = to_jsonb(subject.town))
           OR (s.kind = 'NETWORK' AND s.criteria -> 'networkId' = to_jsonb(subject.network)))`
    : Prisma.sql`false`;
  return Prisma.sql`
    INSERT INTO "Alert" ("savedSearchId", "recordType", "recordId", mutation)
    SELECT s.id, ${event.recordType}, ${event.recordId}, ${event.mutation}
      FROM "SavedSearch" s
     WHERE ${written}
       AND (${following}
            OR (s.kind::text = ANY(${filtered}::text[])
                AND CASE s.kind
                      WHEN 'PARTNER_SEARCHES' THEN partner_search_snapshot_wanted(${after}, s.criteria)
                      WHEN 'FUNDING_CALLS' THEN funding_call_wanted(${event.recordId}, s.criteria)
                    END))
     ORDER BY s.id`;
}
