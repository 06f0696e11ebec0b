/**
 * The Federation v2 subgraphs, one per domain folder. The monolith serves them all; a type's
 * fields live in its domain's subgraph, and every entity (every Node) is known by its key to all.
 */
export const SUBGRAPHS = [
  "places",
  "networks",
  "events",
  "projects",
  "partnerships",
  "organisations",
  "funding",
  "news",
  "graph",
  "search",
  "statistics",
  "contributions",
] as const;
export type SubGraph = (typeof SUBGRAPHS)[number];
