// Parsed operations, cached by their text as yoga does, but bounded by size rather than by
// count: a thousand distinct 100 KB operations (yoga's default bound) would hold gigabytes of
// syntax trees. A tree takes roughly twenty times its text; the bound counts that.
import type { DocumentNode } from "graphql";
import type { YogaServerOptions } from "graphql-yoga";
import { LRUCache } from "lru-cache";

/** Bytes the parsed operations may take, estimated from their texts' length. */
export const PARSE_CACHE_BYTES = 32 * 1024 * 1024;
const TREE_BYTES_PER_CHARACTER = 20;

export function boundedParserCache(
  maxBytes = PARSE_CACHE_BYTES,
): NonNullable<Exclude<YogaServerOptions<object, object>["parserAndValidationCache"], boolean>> {
  const size = (text: string) => Math.max(1, text.length * TREE_BYTES_PER_CHARACTER);
  const documents = new LRUCache<string, DocumentNode>({
    maxSize: maxBytes,
    sizeCalculation: (_tree, text) => size(text),
  });
  // Parse errors are small, and not worth more than a few entries.
  const errors = new LRUCache<string, object>({ max: 100 });
  return {
    documentCache: {
      get: (text) => documents.get(text),
      set: (text, tree) => {
        if (size(text) <= maxBytes / 10) documents.set(text, tree);
      },
    },
    errorCache: { get: (text) => errors.get(text), set: (text, error) => errors.set(text, error as object) },
  };
}
