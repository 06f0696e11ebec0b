// Walks any Relay connection page by page: `for await (const town of paginate(...))`.

export interface ConnectionPage<Node> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ({ node: Node } | null)[] | null;
}

/**
 * @param fetchPage loads the page after a cursor (null for the first page).
 * @param connection picks the connection out of the page's result.
 */
export async function* paginate<Result, Node>(
  fetchPage: (after: string | null) => Promise<Result>,
  connection: (result: Result) => ConnectionPage<Node>,
): AsyncGenerator<Node, void, undefined> {
  let after: string | null = null;
  do {
    const page = connection(await fetchPage(after));
    for (const edge of page.edges ?? []) if (edge) yield edge.node;
    after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
}
