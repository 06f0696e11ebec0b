// The cooperation graph in memory: every town–context tie (LINKS_SQL), loaded once per version
// of the graph (data_version 'cooperation_graph', raised by the commit of any write to the
// ties) and walked in microseconds where a recursive CTE took a hundred milliseconds. Each
// request reads the version first, so no answer is older than the last committed write.
import { LRUCache } from "lru-cache";
import { Prisma } from "../../generated/prisma/index.js";
import { getOrCreate } from "../../lib/get-or-create.js";
import { VersionedCopies } from "../../lib/versioned-copies.js";
import type { Context } from "../context.js";
import type { TieKind } from "./connection.js";
import { LINKS_SQL } from "./links.js";

/** What towns share: the records a tie, a path's step or a neighbourhood's edge goes through. */
export const CONTEXT_KINDS = ["NETWORK", "PROJECT", "EVENT", "AGREEMENT"] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export interface Link {
  town: number;
  kind: ContextKind;
  ctx: number;
  tie: TieKind;
  /** The cited record that states the tie (its subject type and id). */
  subject: string;
  subject_id: number;
  /** 1 for a direct tie (member, participant, signatory), 2 for hosting: preferred as evidence. */
  rank: number;
}

/** A town's tie in a neighbourhood. */
export type NeighbourTie = Pick<Link, "town" | "kind" | "ctx" | "tie">;

/** A path as the connection query returns it: its towns, and per step its encoded tie pair. */
export interface PathIds {
  towns: number[];
  /** `kind|ctx|fromTie|fromSubject|fromId|toTie|toSubject|toId` per step. */
  steps: string[];
}

const contextKey = (kind: ContextKind, ctx: number) => `${kind}:${ctx}`;

function append<K, V>(lists: Map<K, V[]>, key: K, value: V) {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The order PostgreSQL's C collation gives these ASCII strings: code units. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class CooperationGraph {
  private readonly byTown = new Map<number, Link[]>();
  private readonly byContext = new Map<string, Link[]>();
  /**
   * Neighbourhoods walked in this copy of the graph, which never changes (a write makes a new
   * copy): a town's page asks for the same one again and again. Bounded by their ties.
   */
  private readonly neighbourhoods = new LRUCache<string, NeighbourTie[]>({
    maxSize: 200_000,
    sizeCalculation: (ties) => ties.length + 1,
  });

  constructor(links: Link[]) {
    for (const link of links) {
      append(this.byTown, link.town, link);
      append(this.byContext, contextKey(link.kind, link.ctx), link);
    }
  }

  private linksOf(town: number): Link[] {
    return this.byTown.get(town) ?? [];
  }

  private sharing(link: Link): Link[] {
    return this.byContext.get(contextKey(link.kind, link.ctx)) ?? [];
  }

  /** Breadth-first steps from a town to every town within `maxHops` (sharing a context is a step). */
  private distances(start: number, maxHops: number): Map<number, number> {
    const depth = new Map([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= maxHops && frontier.length; d++) {
      const next: number[] = [];
      for (const town of frontier)
        for (const link of this.linksOf(town))
          for (const other of this.sharing(link))
            if (!depth.has(other.town)) {
              depth.set(other.town, d);
              next.push(other.town);
            }
      frontier = next;
    }
    return depth;
  }

  /** The towns sharing a context with `town`. */
  private *neighbours(town: number): Generator<number> {
    for (const link of this.linksOf(town))
      for (const other of this.sharing(link)) if (other.town !== town) yield other.town;
  }

  /**
   * The towns on the shortest paths from `from` to `to` (at most `maxHops` steps), with their
   * distance from `from`: a breadth-first search from both ends, the smaller frontier first,
   * until they meet; then the paths' towns traced from the meeting towns back to either end.
   * Only what lies between the two towns is visited, which matters where the graph is dense.
   */
  private onShortestPaths(from: number, to: number, maxHops: number): Map<number, number> | undefined {
    const ahead = new Map([[from, 0]]);
    const behind = new Map([[to, 0]]);
    let aheadFrontier = [from];
    let behindFrontier = [to];
    let aheadDepth = 0;
    let behindDepth = 0;
    let meeting: number[] = [];
    while (!meeting.length) {
      if (aheadDepth + behindDepth >= maxHops || !aheadFrontier.length || !behindFrontier.length) return undefined;
      const forward = aheadFrontier.length <= behindFrontier.length;
      const [seen, other, frontier] = forward ? [ahead, behind, aheadFrontier] : [behind, ahead, behindFrontier];
      const depth = (forward ? aheadDepth : behindDepth) + 1;
      const next: number[] = [];
      for (const town of frontier)
        for (const neighbour of this.neighbours(town))
          if (!seen.has(neighbour)) {
            seen.set(neighbour, depth);
            next.push(neighbour);
          }
      if (forward) [aheadFrontier, aheadDepth] = [next, depth];
      else [behindFrontier, behindDepth] = [next, depth];
      meeting = next.filter((town) => other.has(town));
    }
    const length = Math.min(...meeting.map((town) => ahead.get(town)! + behind.get(town)!));
    const onPath = new Map<number, number>();
    let layer = meeting.filter((town) => ahead.get(town)! + behind.get(town)! === length);
    const meetingDepth = ahead.get(layer[0])!;
    for (const town of layer) onPath.set(town, meetingDepth);
    // Towards `from`: the towns one step nearer to it, next to the paths' towns found so far.
    for (let d = meetingDepth - 1, towns = layer; d >= 0; d--) {
      const nearer = new Set<number>();
      for (const town of towns)
        for (const neighbour of this.neighbours(town)) if (ahead.get(neighbour) === d) nearer.add(neighbour);
      towns = [...nearer];
      for (const town of towns) onPath.set(town, d);
    }
    // Towards `to`, likewise.
    for (let d = meetingDepth + 1; d <= length; d++) {
      const nearer = new Set<number>();
      for (const town of layer)
        for (const neighbour of this.neighbours(town)) if (behind.get(neighbour) === length - d) nearer.add(neighbour);
      layer = [...nearer];
      for (const town of layer) onPath.set(town, d);
    }
    return onPath;
  }

  /**
   * The `limit` first shortest paths from `from` to `to` (at most `maxHops` steps), in the
   * order of their encoded steps. Per pair of towns and shared context, the evidence is the
   * most direct tie pair (lowest rank sum, then lowest record ids).
   */
  paths(from: number, to: number, maxHops: number, limit: number): PathIds[] {
    const onPath = this.onShortestPaths(from, to, maxHops);
    if (!onPath) return [];
    const best = new Map<string, { from: number; to: number; step: string; rank: [number, number, number] }>();
    for (const [town, d] of onPath)
      for (const a of this.linksOf(town))
        for (const b of this.sharing(a)) {
          if (b.town === town || onPath.get(b.town) !== d + 1) continue;
          const key = `${town}|${b.town}|${a.kind}|${a.ctx}`;
          const rank: [number, number, number] = [a.rank + b.rank, a.subject_id, b.subject_id];
          const known = best.get(key);
          if (known && !lexicallyBefore(rank, known.rank)) continue;
          const step = [a.kind, a.ctx, a.tie, a.subject, a.subject_id, b.tie, b.subject, b.subject_id].join("|");
          best.set(key, { from: town, to: b.town, step, rank });
        }
    const edges = new Map<number, { to: number; step: string }[]>();
    for (const edge of best.values()) append(edges, edge.from, edge);
    for (const list of edges.values()) list.sort((x, y) => byCodeUnits(x.step, y.step));
    // Every path has the same length, so a depth-first walk in step order meets them in order.
    const found: PathIds[] = [];
    const walk = (town: number, towns: number[], steps: string[]) => {
      if (found.length >= limit) return;
      if (town === to) {
        found.push({ towns, steps });
        return;
      }
      for (const edge of edges.get(town) ?? []) walk(edge.to, [...towns, edge.to], [...steps, edge.step]);
    };
    walk(from, [from], []);
    return found;
  }

  /**
   * The ties of the towns within `hops` steps of `centre` to the contexts that lead somewhere
   * (touched by a town reached before the last step), by context and town.
   */
  neighbourhood(centre: number, hops: number): readonly NeighbourTie[] {
    return getOrCreate<string, NeighbourTie[]>(this.neighbourhoods, `${centre}|${hops}`, () =>
      this.walkNeighbourhood(centre, hops),
    );
  }

  private walkNeighbourhood(centre: number, hops: number): NeighbourTie[] {
    const reached = this.distances(centre, hops);
    const contexts = new Map<string, Link>();
    for (const [town, d] of reached)
      if (d < hops) for (const link of this.linksOf(town)) contexts.set(contextKey(link.kind, link.ctx), link);
    const ties = new Map<string, NeighbourTie>();
    for (const context of contexts.values())
      for (const { town, kind, ctx, tie } of this.sharing(context))
        if (reached.has(town)) ties.set(`${town}|${kind}|${ctx}|${tie}`, { town, kind, ctx, tie });
    return [...ties.values()].sort(tieOrder);
  }
}

/** A neighbourhood's order: by context (kind, then id), then town, then tie. */
export const tieOrder = (x: NeighbourTie, y: NeighbourTie) =>
  byCodeUnits(x.kind, y.kind) || x.ctx - y.ctx || x.town - y.town || byCodeUnits(x.tie, y.tie);

function lexicallyBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** Per database: the graph, loaded with its version in one statement. */
const graphs = new VersionedCopies(async (read) => {
  const [{ version, links }] = await read<{ version: string; links: Link[] }>(Prisma.sql`
    SELECT (SELECT version FROM data_version WHERE name = 'cooperation_graph') AS version,
           coalesce((SELECT json_agg(l) FROM (${Prisma.raw(LINKS_SQL)}) l), '[]') AS links`);
  return { version: BigInt(version), copy: new CooperationGraph(links) };
});

/**
 * The graph as of now, with towns looked up by slug in the same statement as the version (so a
 * request costs one statement while the graph is current), and the version of the records it
 * names (GRAPH_RECORDS, for a copy of them). The graph's load runs in the caller's bulkhead for
 * costly statements.
 */
export async function currentGraph<Slugs extends string[]>(
  ctx: Pick<Context, "prisma" | "read" | "costly">,
  slugs: Slugs,
): Promise<{ graph: CooperationGraph; ids: { [K in keyof Slugs]: number | null }; recordsVersion: bigint }> {
  const lookups = slugs.length
    ? Prisma.join(slugs.map((slug) => Prisma.sql`(SELECT id FROM "Town" WHERE slug = ${slug})`))
    : Prisma.empty;
  const [row] = await ctx.read<{ version: string; records: string; ids: (number | null)[] }>(Prisma.sql`
    SELECT (SELECT version FROM data_version WHERE name = 'cooperation_graph') AS version,
           (SELECT version FROM data_version WHERE name = ${GRAPH_RECORDS}) AS records, ARRAY[${lookups}]::int[] AS ids`);
  return {
    graph: await graphs.at(ctx, BigInt(row.version), ctx.costly),
    ids: row.ids as { [K in keyof Slugs]: number | null },
    recordsVersion: BigInt(row.records),
  };
}

/** The data_version of the towns with ties and of what they share: their columns and which towns they are. */
export const GRAPH_RECORDS = "graph_records";
