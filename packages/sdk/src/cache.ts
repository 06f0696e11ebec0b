// What Apollo Client's InMemoryCache and urql's graphcache need to keep every curated operation
// complete: the possible types of interfaces and unions, and value types (no id) merged into the
// object that holds them instead of replaced — so a page in Czech does not erase the English
// texts of a partial date that another page cached. Plain objects: the SDK depends on neither.
import { keylessTypes } from "./generated/cache-config.js";

export { connectionKeyArgs, graphcacheSchema, keylessTypes, possibleTypes } from "./generated/cache-config.js";

/** `typePolicies` for Apollo Client's InMemoryCache: keyless types merge into their parent field. */
export const apolloTypePolicies: Record<string, { merge: true }> = Object.fromEntries(
  keylessTypes.map((type) => [type, { merge: true }]),
);

/** `keys` for urql's graphcache: keyless types are embedded in their parent (no warning, no key). */
export const graphcacheKeys: Record<string, () => null> = Object.fromEntries(
  keylessTypes.map((type) => [type, () => null]),
);
