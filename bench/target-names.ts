// The names the bench gives its targets: in the results' tables, and where goals.ts reads them.
export const UNCACHED = "CityNet, no response cache";
export const FEDERATED = "CityNet federated";
export const RESOLVERS_ONLY = "CityNet, resolvers only";
export const EMBEDDED = "CityNet on the embedded database";
export const ONE_CLIENT = "CityNet, no response cache, one client";
export const POSTGRAPHILE = "PostGraphile";
/** PostGraphile's generated mutations with a trigger writing the rows CityNet writes beside the record. */
export const POSTGRAPHILE_AUDITED = "PostGraphile, with CityNet's audit rows";
/** graphql-yoga with nothing of CityNet's, writing the record and its audit entry (floor/yoga-writes.ts). */
export const YOGA_FLOOR = "graphql-yoga floor";
