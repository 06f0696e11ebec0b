// Paths of cooperation between two towns: town — shared network / project / event /
// agreement — town …, shortest first, each step with the records that prove it. Computed in
// PostgreSQL with a recursive CTE, bounded in hops and in time.
import type * as Models from "../../generated/prisma/index.js";
import { Prisma, type PrismaClient, type SubjectType } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput, notFound } from "../common/errors.js";
import { loadRecords, type RecordRow, recordKey, typenameOf } from "../common/mixed-records.js";
import { Citation, type CitationValue } from "../common/sources.js";
import { Event } from "../events/event.js";
import { Network } from "../networks/network.js";
import { Agreement } from "../partnerships/agreement.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";
import { LINKS_SQL } from "./links.js";

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
    town: t.field({ type: Town, description: "The town.", resolve: (tie) => tie.town as never }),
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
      resolve: (s) => s.via,
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
      resolve: (p) => p.towns as never,
    }),
    steps: t.field({ type: [PathStep], description: "The steps with their evidence.", resolve: (p) => p.steps }),
  }),
});

interface PathRow {
  from: number | null;
  to: number | null;
  towns: number[] | null;
  steps: string[] | null;
}

/**
 * One statement: the two towns by slug, then breadth-first distances from both ends (UNION
 * keeps (town, depth) rows unique, so the work is bounded by towns × hops), then only the
 * paths along the shortest-path DAG. The ends come back even when no path does.
 */
function pathsSql(from: string, to: string, maxHops: number, limit: number) {
  return Prisma.sql`
    WITH RECURSIVE ends AS (SELECT (SELECT id FROM "Town" WHERE slug = ${from}) AS a, (SELECT id FROM "Town" WHERE slug = ${to}) AS b),
    link AS (${Prisma.raw(LINKS_SQL)}),
    pair AS (SELECT DISTINCT a.town AS u, b.town AS v FROM link a JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town),
    fwd (town, depth) AS (
      SELECT a, 0 FROM ends WHERE a <> b UNION SELECT p.v, f.depth + 1 FROM fwd f JOIN pair p ON p.u = f.town WHERE f.depth < ${maxHops}::int
    ),
    bwd (town, depth) AS (
      SELECT b, 0 FROM ends WHERE a <> b UNION SELECT p.u, w.depth + 1 FROM bwd w JOIN pair p ON p.v = w.town WHERE w.depth < ${maxHops}::int
    ),
    df AS (SELECT town, min(depth) AS d FROM fwd GROUP BY town),
    dt AS (SELECT town, min(depth) AS d FROM bwd GROUP BY town),
    on_path AS (SELECT df.town, df.d FROM df JOIN dt USING (town) WHERE df.d + dt.d = (SELECT df.d FROM df, ends WHERE df.town = ends.b)),
    edge AS (
      SELECT DISTINCT ON (a.town, b.town, a.kind, a.ctx) a.town AS from_town, b.town AS to_town,
             concat_ws('|', a.kind, a.ctx, a.tie, a.subject, a.subject_id, b.tie, b.subject, b.subject_id) AS step
        FROM link a
        JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town
        JOIN on_path pa ON pa.town = a.town
        JOIN on_path pb ON pb.town = b.town AND pb.d = pa.d + 1
       ORDER BY a.town, b.town, a.kind, a.ctx, a.rank + b.rank, a.subject_id, b.subject_id
    ),
    walk (town, towns, steps) AS (
      SELECT a, ARRAY[a], ARRAY[]::text[] FROM ends WHERE a <> b
      UNION ALL
      SELECT e.to_town, w.towns || e.to_town, w.steps || e.step FROM walk w JOIN edge e ON e.from_town = w.town
    ),
    found AS (SELECT towns, steps FROM walk, ends WHERE walk.town = ends.b ORDER BY steps LIMIT ${limit}::int)
    SELECT ends.a AS "from", ends.b AS "to", found.towns, found.steps FROM ends LEFT JOIN found ON true`;
}

async function findPaths(
  prisma: PrismaClient,
  args: { from: string; to: string },
  maxHops: number,
  limit: number,
): Promise<{ towns: number[]; steps: string[] }[]> {
  const rows = await prisma.$queryRaw<PathRow[]>(pathsSql(args.from, args.to, maxHops, limit));
  const ends = rows[0];
  if (ends.from == null) throw notFound("town", `slug ${args.from}`);
  if (ends.to == null) throw notFound("town", `slug ${args.to}`);
  if (ends.from === ends.to) throw badInput("from and to are the same town");
  return rows.flatMap((row) => (row.towns && row.steps ? [{ towns: row.towns, steps: row.steps }] : []));
}

/** The towns and shared records of the paths, in one statement; sources load only if asked. */
async function assemble(prisma: PrismaClient, rows: { towns: number[]; steps: string[] }[]): Promise<Path[]> {
  const parsed = rows.map((row) => ({
    towns: row.towns,
    steps: row.steps.map((step, i) => {
      const [kind, ctx, fromTie, fromSubject, fromId, toTie, toSubject, toId] = step.split("|");
      return {
        from: row.towns[i],
        to: row.towns[i + 1],
        kind: kind as "NETWORK" | "PROJECT" | "EVENT" | "AGREEMENT",
        ctx: Number(ctx),
        fromTie: fromTie as TieKind,
        fromEvidence: `${fromSubject}:${fromId}`,
        toTie: toTie as TieKind,
        toEvidence: `${toSubject}:${toId}`,
      };
    }),
  }));
  const records = await loadRecords(prisma, [
    ...parsed.flatMap((p) => p.towns.map((id) => ({ type: "TOWN" as const, id }))),
    ...parsed.flatMap((p) => p.steps.map((s) => ({ type: s.kind, id: s.ctx }))),
  ]);
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
    resolve: async (_root, args, ctx) => {
      const maxHops = args.maxHops ?? 3;
      const first = args.first ?? 3;
      if (maxHops < 1 || maxHops > MAX_HOPS) throw badInput(`maxHops must be between 1 and ${MAX_HOPS}`);
      if (first < 1 || first > 20) throw badInput("first must be between 1 and 20");
      return assemble(ctx.prisma, await ctx.costly(() => findPaths(ctx.prisma, args, maxHops, first)));
    },
  }),
);
