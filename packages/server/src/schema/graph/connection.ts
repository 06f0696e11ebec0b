// Paths of cooperation between two towns: town — shared network / project / event /
// agreement — town …, shortest first, each step with the records that prove it. Computed in
// PostgreSQL with a recursive CTE, bounded in hops and in time.
import { GraphQLError } from "graphql";
import type * as Models from "../../generated/prisma/index.js";
import { Prisma, type PrismaClient, type SubjectType } from "../../generated/prisma/index.js";
import { builder } from "../builder.js";
import { badInput, ErrorCode } from "../common/errors.js";
import { found } from "../common/lookup.js";
import { loadRecords, recordKey, tagTypename, typenameOf, type RecordRow } from "../common/mixed-records.js";
import { Citation, type CitationValue } from "../common/sources.js";
import { Event } from "../events/event.js";
import { Network } from "../networks/network.js";
import { Agreement } from "../partnerships/agreement.js";
import { Town } from "../places/town.js";
import { Project } from "../projects/project.js";

export const MAX_HOPS = 4;
const TIMEOUT_MS = 3000;

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
  values: Object.fromEntries(Object.entries(TIES).map(([k, v]) => [k, { description: v }])) as Record<TieKind, { description: string }>,
});

/**
 * Every town–context incidence, with the evidence record (the citation subject it is filed
 * under) and a rank: direct ties (member, participant, signatory) are preferred as evidence.
 */
export const LINKS_SQL = `
  SELECT "townId" AS town, 'NETWORK' AS kind, "networkId" AS ctx, 'MEMBER' AS tie, 'MEMBERSHIP' AS subject, id AS subject_id, 1 AS rank FROM "Membership"
  UNION ALL SELECT "hostTownId", 'NETWORK', "networkId", 'CONFERENCE_HOST', 'EVENT', id, 2 FROM "Event" WHERE "hostTownId" IS NOT NULL AND "networkId" IS NOT NULL
  UNION ALL SELECT "townId", 'PROJECT', "projectId", 'PROJECT_PARTICIPANT', 'PROJECT_TOWN', id, 1 FROM "ProjectTown"
  UNION ALL SELECT "hostTownId", 'PROJECT', "projectId", 'PROJECT_EVENT_HOST', 'EVENT', id, 2 FROM "Event" WHERE "hostTownId" IS NOT NULL AND "projectId" IS NOT NULL
  UNION ALL SELECT "hostTownId", 'EVENT', id, 'EVENT_HOST', 'EVENT', id, 1 FROM "Event" WHERE "hostTownId" IS NOT NULL
  UNION ALL SELECT "townId", 'EVENT', "eventId", 'EVENT_PARTICIPANT', 'EVENT_PARTICIPATION', id, 1 FROM "EventParticipation" WHERE "townId" IS NOT NULL
  UNION ALL SELECT "townId", 'AGREEMENT', "agreementId", 'SIGNATORY', 'AGREEMENT_SIGNATORY', id, 1 FROM "AgreementSignatory"`;

interface Tie {
  town: RecordRow;
  kind: TieKind;
  sources: CitationValue[];
}

type SharedRecord = Models.Network | Models.Project | Models.Event | Models.Agreement;

interface Step {
  from: Tie;
  to: Tie;
  via: SharedRecord;
}

interface Path {
  towns: RecordRow[];
  steps: Step[];
}

export const TownTie = builder.objectRef<Tie>("TownTie").implement({
  description: "A town's tie to what it shares with the next town, with the sources that state it.",
  fields: (t) => ({
    town: t.field({ type: Town, description: "The town.", resolve: (tie) => tie.town as never }),
    kind: t.field({ type: TieKindEnum, description: "How it is tied.", resolve: (tie) => tie.kind }),
    sources: t.field({ type: [Citation], description: "Where the tie is stated.", resolve: (tie) => tie.sources }),
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
    via: t.field({ type: SharedContext, description: "The network, project, event or agreement they share.", resolve: (s) => s.via }),
  }),
});

export const CooperationPath = builder.objectRef<Path>("CooperationPath").implement({
  description: "A chain of cooperation from one town to another.",
  fields: (t) => ({
    hops: t.int({ description: "Number of steps.", resolve: (p) => p.steps.length }),
    towns: t.field({ type: [Town], description: "The towns along the path, first to last.", resolve: (p) => p.towns as never }),
    steps: t.field({ type: [PathStep], description: "The steps with their evidence.", resolve: (p) => p.steps }),
  }),
});

interface PathRow {
  towns: number[];
  steps: string[];
}

async function findPaths(prisma: PrismaClient, from: number, to: number, maxHops: number, limit: number): Promise<PathRow[]> {
  // Breadth-first distances from both ends (UNION keeps (town, depth) rows unique, so the
  // work is bounded by towns × hops), then only the paths along the shortest-path DAG.
  const sql = Prisma.sql`
    WITH RECURSIVE link AS (${Prisma.raw(LINKS_SQL)}),
    pair AS (SELECT DISTINCT a.town AS u, b.town AS v FROM link a JOIN link b ON a.kind = b.kind AND a.ctx = b.ctx AND a.town <> b.town),
    fwd (town, depth) AS (
      SELECT ${from}::int, 0 UNION SELECT p.v, f.depth + 1 FROM fwd f JOIN pair p ON p.u = f.town WHERE f.depth < ${maxHops}::int
    ),
    bwd (town, depth) AS (
      SELECT ${to}::int, 0 UNION SELECT p.u, b.depth + 1 FROM bwd b JOIN pair p ON p.v = b.town WHERE b.depth < ${maxHops}::int
    ),
    df AS (SELECT town, min(depth) AS d FROM fwd GROUP BY town),
    dt AS (SELECT town, min(depth) AS d FROM bwd GROUP BY town),
    on_path AS (SELECT df.town, df.d FROM df JOIN dt USING (town) WHERE df.d + dt.d = (SELECT d FROM df WHERE town = ${to}::int)),
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
      SELECT ${from}::int, ARRAY[${from}::int], ARRAY[]::text[]
      UNION ALL
      SELECT e.to_town, w.towns || e.to_town, w.steps || e.step FROM walk w JOIN edge e ON e.from_town = w.town
    )
    SELECT towns, steps FROM walk WHERE town = ${to}::int ORDER BY steps LIMIT ${limit}::int`;
  try {
    const [, rows] = await prisma.$transaction([prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${TIMEOUT_MS}`), prisma.$queryRaw<PathRow[]>(sql)]);
    return rows;
  } catch (error) {
    if (String(error).includes("statement timeout"))
      throw new GraphQLError(`Finding paths took longer than ${TIMEOUT_MS} ms; ask for fewer hops`, { extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED } });
    throw error;
  }
}

async function assemble(prisma: PrismaClient, rows: PathRow[]): Promise<Path[]> {
  const parsed = rows.map((row) => ({
    towns: row.towns,
    steps: row.steps.map((step, i) => {
      const [kind, ctx, fromTie, fromSubject, fromId, toTie, toSubject, toId] = step.split("|");
      return { from: row.towns[i], to: row.towns[i + 1], kind, ctx: Number(ctx), fromTie, fromSubject, fromId: Number(fromId), toTie, toSubject, toId: Number(toId) };
    }),
  }));
  const steps = parsed.flatMap((p) => p.steps);
  const contexts = steps.filter((s) => s.kind !== "AGREEMENT").map((s) => ({ type: s.kind as "NETWORK" | "PROJECT" | "EVENT", id: s.ctx }));
  const records = await loadRecords(prisma, [...contexts, ...parsed.flatMap((p) => p.towns.map((id) => ({ type: "TOWN" as const, id })))]);
  const agreements = new Map(
    (await prisma.agreement.findMany({ where: { id: { in: steps.filter((s) => s.kind === "AGREEMENT").map((s) => s.ctx) } } })).map((a) => [a.id, tagTypename(a, "Agreement")]),
  );
  const evidence = steps.flatMap((s) => [
    { subjectType: s.fromSubject as SubjectType, subjectId: s.fromId },
    { subjectType: s.toSubject as SubjectType, subjectId: s.toId },
  ]);
  const citations = evidence.length ? await prisma.citation.findMany({ where: { OR: evidence }, include: { source: true }, orderBy: { id: "asc" } }) : [];
  const cited = (subject: string, id: number) => citations.filter((c) => c.subjectType === subject && c.subjectId === id);
  const town = (id: number) => records.get(recordKey({ type: "TOWN", id }))!;
  return parsed.map((p) => ({
    towns: p.towns.map(town),
    steps: p.steps.map((s) => {
      const via = s.kind === "AGREEMENT" ? agreements.get(s.ctx)! : (records.get(recordKey({ type: s.kind as "NETWORK", id: s.ctx })) as SharedRecord);
      return {
        via,
        from: { town: town(s.from), kind: s.fromTie as TieKind, sources: cited(s.fromSubject, s.fromId) },
        to: { town: town(s.to), kind: s.toTie as TieKind, sources: cited(s.toSubject, s.toId) },
      };
    }),
  }));
}

builder.queryField("connection", (t) =>
  t.field({
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
      const [from, to] = await Promise.all(
        [args.from, args.to].map((slug) => found(ctx.prisma.town.findUnique({ where: { slug }, select: { id: true } }), "town", `slug ${slug}`)),
      );
      if (from.id === to.id) throw badInput("from and to are the same town");
      return assemble(ctx.prisma, await findPaths(ctx.prisma, from.id, to.id, maxHops, first));
    },
  }),
);
