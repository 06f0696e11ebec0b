import type { SubGraph } from "../subgraphs.js";

/**
 * What a list of towns in another domain shows of each (a network's members, an event's host):
 * served by those subgraphs too (shareable), so the gateway fetches the list's towns from no other.
 */
export const alsoWhereListed = { subGraphs: ["places", "networks", "events"] as SubGraph[], shareable: true };
