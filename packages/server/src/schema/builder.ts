// The one Pothos builder: every plugin the schema uses is declared here.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import type { Context } from "./context.js";

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin, DataloaderPlugin],
  // Most facts are present or the type says otherwise: nullable is the exception here.
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: { description: "Fetches any object by its global id." },
    nodesQueryOptions: { description: "Fetches objects by their global ids, in order." },
    defaultConnectionTypeOptions: { description: "A page of results (Relay connection): edges, page info and the total count." },
    defaultEdgeTypeOptions: { description: "One result and its cursor." },
    pageInfoTypeOptions: { description: "Where a page sits: cursors to continue from and whether there is more." },
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
  },
});

builder.queryType({ description: "The CityNet graph of European municipal cooperation." });
