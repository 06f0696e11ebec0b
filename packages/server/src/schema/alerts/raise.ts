// Which saved searches a committed write matches, checked inside the write's transaction so
// that its alerts exist exactly when the write does.
import type { Prisma, SavedSearchKind } from "../../generated/prisma/index.js";
import { kindsOf } from "../../live/kinds.js";
import type { LiveEvent } from "../../live/pubsub.js";
import { type PublishedFilter, publishedMatches } from "../funding/published-filter.js";
import { type PostedFilter, postedMatches } from "../partnerships/posted-filter.js";

type Tx = Prisma.TransactionClient;

/** The towns and networks a written record is about (what TOWN and NETWORK searches follow). */
async function subjectsOf(tx: Tx, event: LiveEvent): Promise<{ towns: number[]; networks: number[] }> {
  const id = event.recordId;
  switch (event.recordType) {
    case "Town":
      return { towns: [id], networks: [] };
    case "PartnerSearch": {
      const search = await tx.partnerSearch.findUnique({ where: { id }, select: { townId: true } });
      return { towns: search ? [search.townId] : [], networks: [] };
    }
    case "Membership": {
      const membership = await tx.membership.findUnique({ where: { id }, select: { townId: true, networkId: true } });
      return membership
        ? { towns: [membership.townId], networks: [membership.networkId] }
        : { towns: [], networks: [] };
    }
    case "Event": {
      const found = await tx.event.findUnique({ where: { id }, select: { hostTownId: true, networkId: true } });
      return {
        towns: found?.hostTownId ? [found.hostTownId] : [],
        networks: found?.networkId ? [found.networkId] : [],
      };
    }
    default:
      return { towns: [], networks: [] };
  }
}

/** Whether a partner-search or funding-call search's criteria accept the written record. */
const criteriaAccept = (tx: Tx, kind: SavedSearchKind, criteria: unknown, id: number) =>
  kind === "PARTNER_SEARCHES"
    ? postedMatches(tx, id, criteria as PostedFilter)
    : publishedMatches(tx, id, criteria as PublishedFilter);

export async function raiseAlerts(tx: Tx, event: LiveEvent): Promise<void> {
  const kinds = kindsOf(event);
  const filtered: SavedSearchKind[] = [
    ...(kinds.includes("PARTNER_SEARCH_POSTED") ? (["PARTNER_SEARCHES"] as const) : []),
    ...(kinds.includes("FUNDING_CALL_PUBLISHED") ? (["FUNDING_CALLS"] as const) : []),
  ];
  const subjects = kinds.includes("RECORD_CHANGED") ? await subjectsOf(tx, event) : { towns: [], networks: [] };
  const following: Prisma.SavedSearchWhereInput[] = [
    ...subjects.towns.map((townId) => ({ kind: "TOWN" as const, criteria: { path: ["townId"], equals: townId } })),
    ...subjects.networks.map((networkId) => ({
      kind: "NETWORK" as const,
      criteria: { path: ["networkId"], equals: networkId },
    })),
  ];
  if (!filtered.length && !following.length) return;
  const searches = await tx.savedSearch.findMany({
    where: { OR: [...(filtered.length ? [{ kind: { in: filtered } }] : []), ...following] },
    select: { id: true, kind: true, criteria: true },
  });
  const matched: number[] = [];
  for (const search of searches)
    if (
      (search.kind !== "PARTNER_SEARCHES" && search.kind !== "FUNDING_CALLS") ||
      (await criteriaAccept(tx, search.kind, search.criteria, event.recordId))
    )
      matched.push(search.id);
  if (matched.length)
    await tx.alert.createMany({
      data: matched.map((savedSearchId) => ({
        savedSearchId,
        recordType: event.recordType,
        recordId: event.recordId,
        mutation: event.mutation,
      })),
    });
}
