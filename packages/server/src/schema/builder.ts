// The one Pothos builder: every plugin the schema uses is declared here.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import DirectivePlugin from "@pothos/plugin-directives";
import FederationPlugin, { hasResolvableKey } from "@pothos/plugin-federation";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin, { resolveNodes } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SubGraphPlugin from "@pothos/plugin-sub-graph";
import type { GraphQLResolveInfo } from "graphql";
import {
  editsNetwork,
  editsProgramme,
  editsTown,
  forbidden,
  isAdmin,
  publishesFor,
  unauthenticated,
} from "../auth/identity.js";
import { datamodel } from "../db/data-model.js";
import type PrismaTypes from "../generated/pothos-types.js";
import DescribeTotalCountPlugin from "./common/describe-total-count.js";
import { decodeCheckedGlobalID } from "./common/global-id.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./common/pagination.js";
import type { Context } from "./context.js";
import { SUBGRAPHS, type SubGraph } from "./subgraphs.js";

export { SUBGRAPHS, type SubGraph };

const EVERY_SUBGRAPH = [...SUBGRAPHS];

/** Options of a domain's entity type: known to every subgraph, its fields served by `domain`. */
export const entityIn = (domain: SubGraph) => ({ subGraphs: EVERY_SUBGRAPH, defaultSubGraphsForFields: [domain] });
/** Options of a root field: served by its domain's subgraph. */
export const rootIn = (domain: SubGraph) => ({ subGraphs: [domain] });
/** A federation key field (an entity's global id, a town's slug): every subgraph serves it. */
export const keyField = { subGraphs: EVERY_SUBGRAPH };
/** The global id of an entity, its federation key. */
export const entityId = <Field extends string>(field: Field) => ({ field, ...keyField });

/**
 * nodes(ids:) resolved id by id: one missing record nulls its position (with its error), as the
 * Relay server specification has it, not the whole list; the loads still batch within the tick.
 */
function nodesOneByOne(
  ids: readonly { id: string; typename: string }[],
  context: object,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  return Promise.all(
    ids.map(
      (id): Promise<unknown> =>
        loadNode(id, context, info).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        ),
    ),
  );
}

/** One object by its decoded global id, loaded as `node(id:)` loads it (its type's rules apply). */
export async function loadNode(
  id: { id: string; typename: string },
  context: object,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const [node] = await resolveNodes(builder as never, context, info, [id]);
  return node;
}

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  SubGraphs: SubGraph;
  DefaultFieldNullability: false;
  AuthScopes: {
    /** Any signed-in caller (an API key or a verified token). */
    authenticated: boolean;
    admin: boolean;
    /** May edit for this town (its TOWN_EDITOR, or an ADMIN). */
    townEditor: number;
    /** May edit for one of these towns (a record two towns share). */
    townEditorOfAny: readonly number[];
    /** May write for this network (its NETWORK_SECRETARIAT, or an ADMIN). */
    networkSecretariat: number;
    /** May write this programme's projects and calls (its PROGRAMME_EDITOR, or an ADMIN). */
    programmeEditor: number;
    /** May publish this organisation's news and calls (its PUBLISHER, or an ADMIN). */
    publisher: number;
  };
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string };
  };
}>({
  // Directives before sub-graph: it filters a subgraph before directives mock its AST.
  // Scope auth first, so that it wraps every resolver the others add.
  plugins: [
    ScopeAuthPlugin,
    DirectivePlugin,
    SubGraphPlugin,
    PrismaPlugin,
    RelayPlugin,
    DataloaderPlugin,
    FederationPlugin,
    DescribeTotalCountPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.actor !== null,
      admin: isAdmin(ctx.actor),
      townEditor: (townId) => editsTown(ctx.actor, townId),
      townEditorOfAny: (townIds) => townIds.some((townId) => editsTown(ctx.actor, townId)),
      networkSecretariat: (networkId) => editsNetwork(ctx.actor, networkId),
      programmeEditor: (programmeId) => editsProgramme(ctx.actor, programmeId),
      publisher: (organisationId) => publishesFor(ctx.actor, organisationId),
    }),
    // Anonymous callers are told to sign in; signed-in ones that their role does not reach.
    unauthorizedError: (_parent, ctx) => (ctx.actor ? forbidden() : unauthenticated()),
  },
  subGraphs: {
    // Value types (pages, texts, dates, citations) go wherever a field returns them; those
    // several subgraphs return are marked `shareable`.
    defaultForTypes: EVERY_SUBGRAPH,
    fieldsInheritFromTypes: true,
    // An entity is in every subgraph even where no field returns it, for _entities and node().
    explicitlyIncludeType: (type) => hasResolvableKey(type),
  },
  // Most facts are present or the type says otherwise: nullable is the exception here.
  defaultFieldNullability: false,
  // Every Prisma type is in select mode (`select: { id: true }`): a query loads only the
  // columns its fields name (an exposed column, or a field's `select`), and TypeScript rejects
  // a resolver that reads a column it did not select.
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: datamodel,
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    decodeGlobalID: decodeCheckedGlobalID,
    cursorType: "String",
    nodeQueryOptions: {
      description: "Fetches any object by its global id.",
      args: { id: { description: "A global id, as any object's `id` field gives it." } },
      ...rootIn("graph"),
    },
    nodesQueryOptions: {
      description:
        "Fetches objects by their global ids, in order; an id that names nothing (or nothing the caller may see) is null in its place, with its error.",
      args: { ids: { description: "Global ids, as objects' `id` fields give them; the answer keeps their order." } },
      ...rootIn("graph"),
      // Each id on its own: one missing record nulls its position, as the Relay server
      // specification has it, not the whole list (the loads still batch within the tick).
      resolve: (_root, args, context, info): never => nodesOneByOne(args.ids, context, info) as never,
    },
    // Pages are value types: any subgraph whose fields return them resolves them.
    defaultConnectionTypeOptions: {
      description: "A page of results (Relay connection): edges, page info and the total count.",
      shareable: true,
    },
    defaultEdgeTypeOptions: { description: "One result and its cursor.", shareable: true },
    pageInfoTypeOptions: {
      description: "Where a page sits: cursors to continue from and whether there is more.",
      shareable: true,
    },
    nodeTypeOptions: { description: "Anything with a global id, fetchable with `node(id:)`." },
    idFieldOptions: { description: "Global id, stable across releases; pass it to `node(id:)`." },
    edgesFieldOptions: { description: "The results on this page." },
    nodeFieldOptions: { description: "The result." },
    cursorFieldOptions: { description: "Opaque position of this result; pass it as `after` to continue." },
    pageInfoFieldOptions: { description: "Cursors and whether more results follow." },
    hasNextPageFieldOptions: { description: "True when `after: endCursor` returns more results." },
    hasPreviousPageFieldOptions: { description: "True when `before: startCursor` returns more results." },
    startCursorFieldOptions: { description: "Cursor of the first result on the page." },
    endCursorFieldOptions: { description: "Cursor of the last result on the page." },
    firstArgOptions: {
      description: `How many results from the start (or after \`after\`): ${DEFAULT_PAGE_SIZE} unless given, ${MAX_PAGE_SIZE} at most.`,
    },
    afterArgOptions: { description: "Return the results after this cursor (a page's `endCursor`)." },
    lastArgOptions: { description: `How many results from the end (or before \`before\`): ${MAX_PAGE_SIZE} at most.` },
    beforeArgOptions: { description: "Return the results before this cursor (a page's `startCursor`)." },
  },
});

/** The builder's schema types, for helpers that take a field builder. */
export type Types = typeof builder.$inferSchemaTypes;

builder.queryType({ description: "The CityNet graph of European municipal cooperation." });
builder.subscriptionType({
  description:
    "Records as they are written, over Server-Sent Events: each event comes once the write has committed, resolved like the queries (and with their rules on who may see what).",
  // Only in the subgraphs that have subscriptions: an empty Subscription type is invalid.
  subGraphs: ["partnerships", "networks", "funding", "graph", "contributions"],
});
builder.mutationType({
  description: "Writes by signed-in callers (see README: identity and roles): one transaction each, cited and audited.",
  // Only in the subgraphs that have mutations: an empty Mutation type is invalid.
  subGraphs: ["partnerships", "places", "networks", "events", "projects", "funding", "news", "contributions"],
});
