// Every Node is a Federation v2 entity keyed by its global id: a subgraph returns other
// domains' records by id alone, and the gateway fetches their fields from the owning subgraph
// through `_entities`. All subgraphs read the same database, so any of them can load any
// entity; the lookups of one model and key in one tick of a request become one findMany of what
// the gateway asks of them (a plan the plan cache keeps), so `_entities` with 50 representations
// costs one query per type, relations included, not 50. Where the gateway asks only what the
// SQL planner covers of one type, the planner answers the whole `_entities` instead (sql-plan).
import type { GraphQLSchema } from "graphql";
import type { PrismaClient } from "../generated/prisma/index.js";
import { builder, type SubGraph } from "./builder.js";
import { decodeCheckedGlobalID } from "./common/global-id.js";
import { loadSelected } from "./common/mixed-records.js";
import { Source } from "./common/sources.js";
import type { Context } from "./context.js";
import { Event, EventParticipation, Topic } from "./events/event.js";
import { FundingCall } from "./funding/funding-call.js";
import { Membership } from "./networks/membership.js";
import { Network } from "./networks/network.js";
import { NewsItem } from "./news/news-item.js";
import { Organisation } from "./organisations/organisation.js";
import { Programme } from "./organisations/programme.js";
import { Agreement, Signature } from "./partnerships/agreement.js";
import { PartnerSearchInterest } from "./partnerships/interest.js";
import { PartnerSearch } from "./partnerships/partner-search.js";
import { Twinning } from "./partnerships/twinning.js";
import { Country } from "./places/country.js";
import { Town } from "./places/town.js";
import { Project, ProjectParticipation, ProjectPartnership } from "./projects/project.js";

/**
 * Makes `ref` an entity keyed by its global id (`idColumn` holds the id it encodes). Towns
 * also have their slug as a key: partner portals know towns by slug, not by our ids.
 */
function entity(
  ref: Parameters<typeof builder.asEntity>[0],
  model: keyof PrismaClient,
  idColumn: "id" | "code" = "id",
  slugKey = false,
) {
  const byId = builder.selection<{ id: string }>("id");
  builder.asEntity(ref, {
    key: slugKey ? [byId, builder.selection<{ slug: string }>("slug")] : byId,
    resolveReference: async (reference: { id?: string; slug?: string }, ctx: Context, info) => {
      // Loaded with what the gateway asks of them (relations too), so no field loads its own.
      const byColumn = async (column: string, value: unknown) =>
        (await loadSelected(ctx, info, { typename: ref.name, model: String(model), column, value })) ?? null;
      if (reference.slug !== undefined) return byColumn("slug", reference.slug);
      const decoded = decodeCheckedGlobalID(reference.id ?? "");
      if (decoded.typename !== ref.name) return null;
      const value = idColumn === "id" ? Number(decoded.id) : decoded.id;
      if (idColumn === "id" && !Number.isSafeInteger(value)) return null;
      return byColumn(idColumn, value);
    },
  });
}

entity(Town, "town", "id", true);
entity(Country, "country", "code");
entity(Network, "network");
entity(Membership, "membership");
entity(Event, "event");
entity(EventParticipation, "eventParticipation");
entity(Topic, "topic");
entity(Project, "project");
entity(ProjectParticipation, "projectTown");
entity(ProjectPartnership, "projectPartner");
entity(Organisation, "organisation");
entity(Programme, "programme");
entity(FundingCall, "fundingCall");
entity(PartnerSearch, "partnerSearch");
entity(PartnerSearchInterest, "partnerSearchInterest");
entity(Twinning, "twinning");
entity(Agreement, "agreement");
entity(Signature, "agreementSignatory");
entity(NewsItem, "newsItem");
entity(Source, "source");

/** One domain's Federation v2 subgraph schema (with `_entities` and `_service`). */
export function subgraphSchema(name: SubGraph): GraphQLSchema {
  return builder.toSubGraphSchema({ subGraph: name });
}
