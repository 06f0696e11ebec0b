// Paths of cooperation between two towns: town — shared network / project / event /
// agreement — town …, shortest first, each step with the records that prove it. Walked on the
// cooperation graph in memory (cooperation-graph.ts), bounded in hops.
import type * as Models from "../../generated/prisma/index.js";
import type { SubjectType } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput, notFound } from "../common/errors.js";
import {
  asSelected,
  loadRecords,
  type RecordRow,
  type RecordShapes,
  type RecordType,
  recordKey,
  recordShapesAsked,
  typenameOf,
} from "../common/mixed-records.js";
import { Citation, type CitationValue } from "../common/sources.js";
import type { Context } from "../context.js";
import { Event } from "../events/event.js";
import { Network } from "../networks/network.js";
import { Agreement } from "../partnerships/agreement.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";
import { CONTEXT_KINDS, type ContextKind, currentGraph, type PathIds } from "./cooperation-graph.js";

export const MAX_HOPS = 4;

/** How a town is tied to a shared context, and the record that says so. */
const TIES = {
  MEMBER: "member of the network",
  CONFERENCE_HOST: "hosted one of the network's events",
  PROJECT_PARTICIPANT: "takes part in the project",
  PROJECT_EVENT_HOST: "hosted one of the project's events",
  EVENT_HOST: "hosted the event",
  EVENT_PARTICIPANT: "took part in the event",
  SIGNATORY: "signed the agreement",
} as const;
export type TieKind = keyof typeof TIES;

export const TieKindEnum = builder.enumType("TieKind", {
  description: "How a town is tied to a network, project, event or agreement.",
  values: Object.fromEntries(Object.entries(TIES).map(([k, v]) => [k, { description: v }])) as Record<
    TieKind,
    { description: string }
  >,
});

interface Tie {
  town: RecordRow<"TOWN">;
  kind: TieKind;
  /** The cited record that states the tie, as "SUBJECT_TYPE:id". */
  evidence: string;
}

type SharedRecord = RecordRow<"NETWORK" | "PROJECT" | "EVENT" | "AGREEMENT">;

interface Step {
  from: Tie;
  to: Tie;
  via: SharedRecord;
}

interface Path {
  towns: RecordRow<"TOWN">[];
  steps: Step[];
}

export const TownTie = builder.objectRef<Tie>("TownTie").implement({
  description: "A town's tie to what it shares with the next town, with the sources that state it.",
  fields: (t) => ({
    town: t.field({
      type: Town,
      description: "The town.",
      resolve: (tie, _args, ctx, info) => asSelected(tie.town, ctx, info) as never,
    }),
    kind: t.field({ type: TieKindEnum, description: "How it is tied.", resolve: (tie) => tie.kind }),
    sources: t.loadableGroup({
      type: Citation,
      description: "Where the tie is stated.",
      load: (evidence: string[], ctx) =>
        ctx.prisma.citation.findMany({
          where: {
            OR: evidence.map((key) => {
              const [subjectType, subjectId] = key.split(":");
              return { subjectType: subjectType as SubjectType, subjectId: Number(subjectId) };
            }),
          },
          include: { source: true },
          orderBy: { id: "asc" },
        }),
      // The loaded rows are whole citations, subject type included.
      group: (citation) =>
        `${(citation as CitationValue & Pick<Models.Citation, "subjectType">).subjectType}:${citation.subjectId}`,
      resolve: (tie) => tie.evidence,
    }),
  }),
});

export const SharedContext = builder.unionType("SharedContext", {
  description: "What two towns share: a network, a project, an event or an agreement.",
  types: () => [Network, Project, Event, Agreement],
  resolveType: (value) => typenameOf(value),
});

export const PathStep = builder.objectRef<Step>("PathStep").implement({
  description: "One step of a path: two towns and what they share.",
  fields: (t) => ({
    from: t.field({ type: TownTie, description: "The town the step starts from and its tie.", resolve: (s) => s.from }),
    to: t.field({ type: TownTie, description: "The town it reaches and its tie.", resolve: (s) => s.to }),
    via: t.field({
      type: SharedContext,
      description: "The network, project, event or agreement they share.",
      resolve: (s, _args, ctx, info) => asSelected(s.via, ctx, info),
    }),
  }),
});

export const CooperationPath = builder.objectRef<Path>("CooperationPath").implement({
  description: "A chain of cooperation from one town to another.",
  fields: (t) => ({
    hops: t.int({ description: "Number of steps.", resolve: (p) => p.steps.length }),
    towns: t.field({
      type: [Town],
      description: "The towns along the path, first to last.",
      resolve: (p, _args, ctx, info) => Promise.all(p.towns.map((town) => asSelected(town, ctx, info))) as never,
    }),
    steps: t.field({ type: [PathStep], description: "The steps with their evidence.", resolve: (p) => p.steps }),
  }),
});

async function findPaths(
  ctx: Pick<Context, "prisma" | "read" | "costly">,
  args: { from: string; to: string },
  maxHops: number,
  limit: number,
): Promise<PathIds[]> {
  const {
    graph,
    ids: [from, to],
  } = await currentGraph(ctx, [args.from, args.to]);
  if (from == null) throw notFound("town", `slug ${args.from}`);
  if (to == null) throw notFound("town", `slug ${args.to}`);
  if (from === to) throw badInput("from and to are the same town");
  return graph.paths(from, to, maxHops, limit);
}

/** What a document asks of a path's towns and of what they share, wherever it asks them. */
const PATH_RECORDS = [
  { path: ["towns"], types: ["TOWN"] },
  { path: ["steps", "from", "town"], types: ["TOWN"] },
  { path: ["steps", "to", "town"], types: ["TOWN"] },
  { path: ["steps", "via"], types: CONTEXT_KINDS },
] as const satisfies readonly { path: readonly string[]; types: readonly RecordType[] }[];

/**
 * The towns and shared records of the paths, in one statement, as `shapesOf` the kinds present
 * says; sources load only if asked.
 */
async function assemble(
  read: Context["read"],
  rows: PathIds[],
  shapesOf: (present: RecordType[]) => RecordShapes,
): Promise<Path[]> {
  const parsed = rows.map((row) => ({
    towns: row.towns,
    steps: row.steps.map((step, i) => {
      const [kind, ctx, fromTie, fromSubject, fromId, toTie, toSubject, toId] = step.split("|");
      return {
        from: row.towns[i],
        to: row.towns[i + 1],
        kind: kind as ContextKind,
        ctx: Number(ctx),
        fromTie: fromTie as TieKind,
        fromEvidence: `${fromSubject}:${fromId}`,
        toTie: toTie as TieKind,
        toEvidence: `${toSubject}:${toId}`,
      };
    }),
  }));
  const refs = [
    ...parsed.flatMap((p) => p.towns.map((id) => ({ type: "TOWN" as const, id }))),
    ...parsed.flatMap((p) => p.steps.map((s) => ({ type: s.kind, id: s.ctx }))),
  ];
  const records = await loadRecords(read, refs, shapesOf(refs.map((ref) => ref.type)));
  const town = (id: number) => records.get(recordKey({ type: "TOWN", id })) as RecordRow<"TOWN">;
  return parsed.map((p) => ({
    towns: p.towns.map(town),
    steps: p.steps.map((s) => ({
      via: records.get(recordKey({ type: s.kind, id: s.ctx })) as SharedRecord,
      from: { town: town(s.from), kind: s.fromTie, evidence: s.fromEvidence },
      to: { town: town(s.to), kind: s.toTie, evidence: s.toEvidence },
    })),
  }));
}

builder.queryField("connection", (t) =>
  t.field({
    ...rootIn("graph"),
    type: [CooperationPath],
    description: `The shortest paths of cooperation between two towns through shared networks, projects, events and agreements (at most ${MAX_HOPS} hops), each step with its evidence and sources. Empty when the towns are not connected within maxHops.`,
    args: {
      from: t.arg.string({ required: true, description: "Slug of the first town." }),
      to: t.arg.string({ required: true, description: "Slug of the second town." }),
      maxHops: t.arg.int({ defaultValue: 3, description: `Longest path to consider (1–${MAX_HOPS}).` }),
      first: t.arg.int({ defaultValue: 3, description: "How many of the shortest paths (1–20)." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const maxHops = args.maxHops ?? 3;
      const first = args.first ?? 3;
      if (maxHops < 1 || maxHops > MAX_HOPS) throw badInput(`maxHops must be between 1 and ${MAX_HOPS}`);
      if (first < 1 || first > 20) throw badInput("first must be between 1 and 20");
      return assemble(ctx.read, await findPaths(ctx, args, maxHops, first), (present) =>
        recordShapesAsked(ctx, info, PATH_RECORDS, present),
      );
    },
  }),
);
