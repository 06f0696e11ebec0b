// A GraphQL subscription over Server-Sent Events (the "distinct connections" mode graphql-yoga
// serves), read as a client would: each `next` event's payload, in order, until closed.

/** A GraphQL response as the stream carries it (no import of the harness: the bench uses this too). */
type GraphQLResponse = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export interface Subscription {
  /** The next payload, or a timeout error after `ms`. */
  next(ms?: number): Promise<GraphQLResponse>;
  /** Resolves when no payload arrives within `ms` (and fails with the payload if one does). */
  nothingWithin(ms: number): Promise<void>;
  close(): void;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export async function subscribe(
  fetcher: Fetch,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Subscription> {
  const abort = new AbortController();
  const response = await fetcher(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  // A refused subscription still answers in the stream (with the error's HTTP status).
  if (!response.body) throw new Error(`subscribe: HTTP ${response.status} without a body`);
  const payloads: GraphQLResponse[] = [];
  const waiting: ((payload: GraphQLResponse) => void)[] = [];
  const deliver = (payload: GraphQLResponse) => {
    const waiter = waiting.shift();
    if (waiter) waiter(payload);
    else payloads.push(payload);
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trimStart())
            .join("\n");
          if (event === "next" && data) deliver(JSON.parse(data));
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Closed by close(): nothing more to read.
    }
  })();
  const next = (ms = 5_000) =>
    new Promise<GraphQLResponse>((resolve, reject) => {
      const queued = payloads.shift();
      if (queued) return resolve(queued);
      const waiter = (payload: GraphQLResponse) => {
        clearTimeout(timer);
        resolve(payload);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(waiter), 1);
        reject(new Error(`no subscription event within ${ms} ms`));
      }, ms);
      waiting.push(waiter);
    });
  return {
    next,
    async nothingWithin(ms) {
      const payload = await next(ms).catch(() => null);
      if (payload) throw new Error(`unexpected subscription event: ${JSON.stringify(payload)}`);
    },
    close: () => abort.abort(),
  };
}
