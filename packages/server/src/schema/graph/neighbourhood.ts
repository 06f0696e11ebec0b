// The cooperation graph around a town, as nodes and typed edges a portal can draw, and what
// two towns have in common.

import type * as Models from "../../generated/prisma/index.js";
import { Prisma } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { builder, rootIn } from "../builder.js";
import { badInput, notFound } from "../common/errors.js";
import { found } from "../common/lookup.js";
import {
  asSelected,
  loadRecords,
  type RecordRef,
  type RecordRow,
  type RecordType,
  recordKey,
  recordShapesAsked,
  typenameOf,
} from "../common/mixed-records.js";
import type { Context } from "../context.js";
import { Event, Topic } from "../events/event.js";
import { Network } from "../networks/network.js";
import { Agreement } from "../partnerships/agreement.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";
import { SharedContext, type TieKind, TieKindEnum } from "./connection.js";
import { CONTEXT_KINDS, currentGraph, type NeighbourTie } from "./cooperation-graph.js";
import { LINKS_SQL } from "./links.js";

const MAX_NEIGHBOURHOOD_HOPS = 2;

type GraphRecord = RecordRow<RecordType>;

export const GraphNode = builder.unionType("GraphNode", {
  description: "A node of the cooperation graph: a town or what towns share.",
  types: () => [Town, Network, Project, Event, Agreement],
  resolveType: (value) => typenameOf(value),
});

interface Edge {
  town: GraphRecord;
  context: GraphRecord;
  tie: TieKind;
}

export const GraphEdge = builder.objectRef<Edge>("GraphEdge").implement({
  description: "A town's tie to a network, project, event or agreement.",
  fields: (t) => ({
    town: t.field({
      type: Town,
      description: "The town.",
      resolve: (e, _args, ctx, info) => asSelected(e.town, ctx, info) as never,
    }),
    context: t.field({
      type: SharedContext,
      description: "What it is tied to.",
      resolve: (e, _args, ctx, info) => asSelected(e.context, ctx, info) as never,
    }),
    tie: t.field({ type: TieKindEnum, description: "How.", resolve: (e) => e.tie }),
  }),
});

export const Neighbourhood = builder.objectRef<{ nodes: GraphRecord[]; edges: Edge[] }>("Neighbourhood").implement({
  description: "The towns within a number of steps of a town and everything linking them.",
  fields: (t) => ({
    nodes: t.field({
      type: [GraphNode],
      description: "Towns, networks, projects, events and agreements.",
      resolve: (n, _args, ctx, info) => Promise.all(n.nodes.map((node) => asSelected(node, ctx, info))) as never,
    }),
    edges: t.field({
      type: [GraphEdge],
      description: "Which town is tied to which node, and how.",
      resolve: (n) => n.edges,
    }),
  }),
});

/** What a document asks of the neighbourhood's towns and of what they share, as nodes or edges. */
const NEIGHBOURHOOD_RECORDS = [
  { path: ["nodes"], types: ["TOWN", ...CONTEXT_KINDS] },
  { path: ["edges", "town"], types: ["TOWN"] },
  { path: ["edges", "context"], types: CONTEXT_KINDS },
] as const satisfies readonly { path: readonly string[]; types: readonly RecordType[] }[];

/**
 * The ties of the towns within `hops` steps of a town, and the records they name (towns and what
 * they share, each once, in the order of the ties; the town alone where it has none), with the
 * version of those records (a copy of them is as new as the ties if it is at that version).
 */
export async function neighbourhoodOf(
  ctx: Pick<Context, "prisma" | "read" | "costly">,
  town: string,
  hops: number,
): Promise<{ ties: readonly NeighbourTie[]; nodes: RecordRef<RecordType>[]; recordsVersion: bigint }> {
  if (hops < 1 || hops > MAX_NEIGHBOURHOOD_HOPS) throw badInput(`hops must be between 1 and ${MAX_NEIGHBOURHOOD_HOPS}`);
  const {
    graph,
    ids: [centre],
    recordsVersion,
  } = await currentGraph(ctx, [town]);
  if (centre == null) throw notFound("town", `slug ${town}`);
  const ties = graph.neighbourhood(centre, hops);
  const nodes = ties.length
    ? getOrCreate(nodesNamed, ties, () => recordsNamed(ties))
    : [{ type: "TOWN" as const, id: centre }];
  return { ties, nodes, recordsVersion };
}

/** The records ties name, each once, in the ties' order: per neighbourhood the graph keeps. */
const nodesNamed = new WeakMap<readonly NeighbourTie[], RecordRef<RecordType>[]>();

function recordsNamed(ties: readonly NeighbourTie[]): RecordRef<RecordType>[] {
  const nodes = new Map<string, RecordRef<RecordType>>();
  for (const tie of ties)
    for (const ref of [
      { type: "TOWN" as const, id: tie.town },
      { type: tie.kind, id: tie.ctx },
    ])
      nodes.set(recordKey(ref), ref);
  return [...nodes.values()];
}

builder.queryField("neighbourhood", (t) =>
  t.field({
    ...rootIn("graph"),
    type: Neighbourhood,
    description: `The towns within \`hops\` steps (1–${MAX_NEIGHBOURHOOD_HOPS}) of a town through shared networks, projects, events and agreements, as nodes and typed edges.`,
    args: {
      town: t.arg.string({ required: true, description: "Slug of the town at the centre." }),
      hops: t.arg.int({ defaultValue: 1, description: `Steps from the town (1–${MAX_NEIGHBOURHOOD_HOPS}).` }),
    },
    resolve: async (_root, args, ctx, info) => {
      const { ties, nodes } = await neighbourhoodOf(ctx, args.town, args.hops ?? 1);
      const shapes = recordShapesAsked(
        ctx,
        info,
        NEIGHBOURHOOD_RECORDS,
        nodes.map((node) => node.type),
      );
      const records = await loadRecords(ctx.read, nodes, shapes);
      const record = (type: RecordType, id: number) => records.get(recordKey({ type, id }))!;
      return {
        nodes: nodes.map((node) => record(node.type, node.id)),
        edges: ties.map((l) => ({ town: record("TOWN", l.town), context: record(l.kind, l.ctx), tie: l.tie })),
      };
    },
  }),
);

interface Common {
  networks: Models.Network[];
  projects: Models.Project[];
  events: Models.Event[];
  agreements: Models.Agreement[];
  themes: Models.Topic[];
}

export const CommonGround = builder.objectRef<Common>("CommonGround").implement({
  description: "What two towns share.",
  fields: (t) => ({
    networks: t.field({
      type: [Network],
      description: "Networks both belong to or have hosted events of.",
      resolve: (c) => c.networks,
    }),
    projects: t.field({
      type: [Project],
      description: "Projects both take part in or have hosted events of.",
      resolve: (c) => c.projects,
    }),
    events: t.field({ type: [Event], description: "Events both hosted or took part in.", resolve: (c) => c.events }),
    agreements: t.field({ type: [Agreement], description: "Agreements both signed.", resolve: (c) => c.agreements }),
    themes: t.field({
      type: [Topic],
      description: "Themes of both towns' events and partner searches.",
      resolve: (c) => c.themes,
    }),
  }),
});

builder.queryField("commonGround", (t) =>
  t.field({
    ...rootIn("graph"),
    type: CommonGround,
    description: "Shared networks, projects, events, agreements and themes of two towns.",
    args: {
      townA: t.arg.string({ required: true, description: "Slug of one town." }),
      townB: t.arg.string({ required: true, description: "Slug of the other town." }),
    },
    resolve: async (_root, args, ctx) => {
      const [a, b] = await Promise.all(
        [args.townA, args.townB].map((slug) =>
          found(ctx.prisma.town.findUnique({ where: { slug }, select: { id: true } }), "town", `slug ${slug}`),
        ),
      );
      const shared = await ctx.prisma.$queryRaw<{ kind: string; ctx: number }[]>`
        WITH link AS (${Prisma.raw(LINKS_SQL)})
        SELECT DISTINCT x.kind, x.ctx FROM link x JOIN link y ON y.kind = x.kind AND y.ctx = x.ctx WHERE x.town = ${a.id}::int AND y.town = ${b.id}::int`;
      const ids = (kind: string) => shared.filter((s) => s.kind === kind).map((s) => s.ctx);
      const themesOf = (townId: number) => ({
        OR: [
          { events: { some: { OR: [{ hostTownId: townId }, { participations: { some: { townId } } }] } } },
          { partnerSearches: { some: { townId } } },
        ],
      });
      const [networks, projects, events, agreements, themes] = await Promise.all([
        ctx.prisma.network.findMany({ where: { id: { in: ids("NETWORK") } }, orderBy: { id: "asc" } }),
        ctx.prisma.project.findMany({ where: { id: { in: ids("PROJECT") } }, orderBy: { id: "asc" } }),
        ctx.prisma.event.findMany({ where: { id: { in: ids("EVENT") } }, orderBy: { id: "asc" } }),
        ctx.prisma.agreement.findMany({ where: { id: { in: ids("AGREEMENT") } }, orderBy: { id: "asc" } }),
        ctx.prisma.topic.findMany({ where: { AND: [themesOf(a.id), themesOf(b.id)] }, orderBy: { id: "asc" } }),
      ]);
      return { networks, projects, events, agreements, themes };
    },
  }),
);
