// A small fetch-based client: no Node-only APIs, so it runs in browsers, Node 20+ and workers.
import type { ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
import { type DocumentNode, print } from "graphql";
import { CityNetGraphQLError, CityNetHttpError, CityNetNetworkError, type GraphQLErrorEntry } from "./errors.js";
import { readEventStream } from "./event-stream.js";
import { curatedOperations, curatedSubscriptions } from "./generated/operations.js";

export interface RetryOptions {
  /**
   * Further attempts after the first (default 2). Only network errors, 429, 5xx,
   * SERVICE_UNAVAILABLE (the server's database is unreachable) and RATE_LIMITED are retried.
   */
  retries?: number;
  /** Delay before the first retry; doubles each time (default 250 ms). */
  delayMs?: number;
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. https://api.citynet.example/graphql. */
  endpoint: string;
  /** A fetch implementation (defaults to the global fetch). */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <apiKey>` (a partner portal's key, `cnk_…`). */
  apiKey?: string;
  /**
   * Called before each request for a bearer token (a signed-in person's, from your identity
   * provider), so a browser app can refresh it; takes precedence over apiKey when it gives one.
   */
  token?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Preferred language for multilingual fields (sent as Accept-Language). */
  lang?: string;
  /** Abort a request that takes longer (default: no timeout). */
  timeoutMs?: number;
  /** Retry transient failures (default: no retries). `true` means the defaults. */
  retry?: boolean | RetryOptions;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /**
   * Send curated operations by hash only (persisted documents); the server must know the
   * manifest. "fallback": send the hash, and the full text only if the server does not know it.
   */
  persisted?: false | "hash-only" | "fallback";
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface SubscribeOptions extends RequestOptions {
  /**
   * Open the subscription again when its stream drops (default true), after the retry delay
   * (doubling up to 30 s). Events written while it was closed are not replayed: SSE's
   * distinct-connections mode has no resume.
   */
  reconnect?: boolean;
}

type Curated = typeof curatedOperations;
type CuratedSubscriptionDocuments = typeof curatedSubscriptions;

/** Operations whose variables are all optional may be called without arguments. */
type VariablesArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

export type CuratedMethods = {
  [Name in keyof Curated]: (...args: VariablesArgs<VariablesOf<Curated[Name]>>) => Promise<ResultOf<Curated[Name]>>;
};

/** Subscriptions whose variables are all optional may be opened without arguments. */
type SubscribeArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: SubscribeOptions]
    : [variables: V, options?: SubscribeOptions];

export type CuratedSubscriptions = {
  [Name in keyof CuratedSubscriptionDocuments]: (
    ...args: SubscribeArgs<VariablesOf<CuratedSubscriptionDocuments[Name]>>
  ) => AsyncIterableIterator<ResultOf<CuratedSubscriptionDocuments[Name]>>;
};

export interface CityNetClient extends CuratedMethods, CuratedSubscriptions {
  /** Runs any typed document (from `graphql()` or the curated ones). */
  request<R, V>(document: TypedDocumentNode<R, V>, ...args: VariablesArgs<V>): Promise<R>;
  /**
   * Opens a subscription over Server-Sent Events: each event's data, in order, as it comes.
   * Leave the loop (or abort the signal) to close it; its errors are thrown from the iterator.
   */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, ...args: SubscribeArgs<V>): AsyncIterableIterator<R>;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

const printed = new WeakMap<DocumentNode, string>();
function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** A response body as GraphQL JSON, or null when it is not JSON (a proxy's error page). */
function parseResponse(text: string): GraphQLResponse | null {
  try {
    return JSON.parse(text) as GraphQLResponse;
  } catch {
    return null;
  }
}

function documentHash(document: DocumentNode): string | undefined {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  return hash?.replace(/^sha256:/, "");
}

/** Combines abort signals without AbortSignal.any (not in every runtime yet). */
function combineSignals(signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const active = signals.filter((s): s is AbortSignal => !!s);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const s of active) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of active) s.removeEventListener("abort", onAbort);
    },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", abort, { once: true });
  });

/**
 * Whether a request may be sent again after a transient failure: a query may; a mutation only
 * when a replay cannot write twice (an idempotencyKey, or an expectedVersion that a replay of an
 * applied update fails with CONFLICT).
 */
function isReplayable(document: DocumentNode, variables: unknown): boolean {
  const mutation = document.definitions.some((d) => d.kind === "OperationDefinition" && d.operation === "mutation");
  if (!mutation) return true;
  const input = (variables as { input?: { idempotencyKey?: unknown; expectedVersion?: unknown } } | undefined)?.input;
  return input?.idempotencyKey != null || input?.expectedVersion != null;
}

/** Error codes that say "not now" rather than "not this": a retry may succeed. */
const TRANSIENT_CODES = new Set(["SERVICE_UNAVAILABLE", "RATE_LIMITED"]);

const transient = (error: unknown) =>
  (error instanceof CityNetNetworkError && !error.timedOut) ||
  (error instanceof CityNetHttpError && (error.status === 429 || error.status >= 500));

export function createClient(options: ClientOptions): CityNetClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retry = options.retry === true ? {} : options.retry || null;
  const retries = retry ? (retry.retries ?? 2) : 0;
  const baseDelay = retry?.delayMs ?? 250;

  async function headersFor(accept: string, requestOptions: RequestOptions): Promise<Record<string, string>> {
    const token = (await options.token?.()) ?? options.apiKey;
    return {
      "content-type": "application/json",
      accept,
      ...(options.lang ? { "accept-language": options.lang } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
      ...requestOptions.headers,
    };
  }

  async function post(body: Record<string, unknown>, requestOptions: RequestOptions): Promise<GraphQLResponse> {
    const timeout = options.timeoutMs ? new AbortController() : null;
    const timer = timeout ? setTimeout(() => timeout.abort(new Error("timeout")), options.timeoutMs) : null;
    const { signal, dispose } = combineSignals([options.signal, requestOptions.signal, timeout?.signal]);
    let response: Response;
    try {
      response = await doFetch(options.endpoint, {
        method: "POST",
        headers: await headersFor("application/graphql-response+json, application/json", requestOptions),
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      const timedOut = timeout?.signal.aborted ?? false;
      throw new CityNetNetworkError(
        timedOut ? `CityNet did not answer within ${options.timeoutMs} ms` : `CityNet is unreachable: ${String(error)}`,
        error,
        timedOut,
      );
    } finally {
      if (timer) clearTimeout(timer);
      dispose();
    }
    const text = await response.text();
    const json = parseResponse(text);
    // GraphQL-over-HTTP answers 4xx with a GraphQL body for invalid operations: keep its errors.
    if (!json || (!response.ok && !json.errors)) throw new CityNetHttpError(response.status, text);
    return json;
  }

  async function postWithRetry(
    body: Record<string, unknown>,
    requestOptions: RequestOptions,
    replayable = true,
  ): Promise<GraphQLResponse> {
    for (let attempt = 0; ; attempt++) {
      const retryable = attempt < retries && replayable;
      try {
        const result = await post(body, requestOptions);
        // The server answered, but its database could not or the budget is spent: as transient
        // as a 503 or 429 without a body.
        if (!retryable || !result.errors?.some((e) => TRANSIENT_CODES.has(String(e.extensions?.code)))) return result;
      } catch (error) {
        if (!retryable || !transient(error)) throw error;
      }
      const { signal, dispose } = combineSignals([options.signal, requestOptions.signal]);
      try {
        await sleep(baseDelay * 2 ** attempt, signal);
      } finally {
        dispose();
      }
    }
  }

  const notPersisted = (result: GraphQLResponse) =>
    result.errors?.some(
      (e) => e.extensions?.code === "PERSISTED_QUERY_NOT_IN_LIST" || e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND",
    );

  /** What a request sends for a document: its persisted hash, or its text. */
  function operationBody(document: DocumentNode, variables: unknown, byHash: boolean): Record<string, unknown> {
    const hash = byHash ? documentHash(document) : undefined;
    return hash
      ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
      : { query: queryText(document), variables };
  }

  async function* subscribe<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    subscribeOptions: SubscribeOptions = {},
  ): AsyncGenerator<R> {
    const reconnect = subscribeOptions.reconnect ?? true;
    const { signal, dispose } = combineSignals([options.signal, subscribeOptions.signal]);
    // "fallback" would need a second request to learn the server lacks the hash: send the text.
    const body = JSON.stringify(operationBody(document, variables, options.persisted === "hash-only"));
    try {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) {
          await sleep(Math.min(baseDelay * 2 ** (attempt - 1), 30_000), signal).catch(() => {});
          if (signal.aborted) return;
        }
        const connection = new AbortController();
        const onAbort = () => connection.abort(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        try {
          let response: Response;
          try {
            response = await doFetch(options.endpoint, {
              method: "POST",
              headers: await headersFor("text/event-stream", subscribeOptions),
              body,
              signal: connection.signal,
            });
          } catch (error) {
            if (signal.aborted) return;
            if (!reconnect) throw new CityNetNetworkError(`CityNet is unreachable: ${String(error)}`, error);
            continue;
          }
          if (!response.headers.get("content-type")?.includes("text/event-stream") || !response.body) {
            // Refused before it began (a JSON answer): the errors are the caller's to see.
            const text = await response.text();
            const json = parseResponse(text);
            if (json?.errors?.length) throw new CityNetGraphQLError(json.errors, null);
            throw new CityNetHttpError(response.status, text);
          }
          for await (const { event, data } of readEventStream(response.body)) {
            if (event === "complete") return;
            if (event !== "next") continue;
            const payload = JSON.parse(data) as GraphQLResponse;
            if (payload.errors?.length) throw new CityNetGraphQLError(payload.errors, (payload.data as R) ?? null);
            attempt = 0;
            yield payload.data as R;
          }
          if (signal.aborted) return;
          if (!reconnect) throw new CityNetNetworkError("The subscription's stream ended", null);
        } catch (error) {
          // Closed by the caller (abort, or leaving the loop): not an error.
          if (signal.aborted) return;
          throw error;
        } finally {
          signal.removeEventListener("abort", onAbort);
          connection.abort();
        }
      }
    } finally {
      dispose();
    }
  }

  async function request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    requestOptions: RequestOptions = {},
  ): Promise<R> {
    const replayable = isReplayable(document, variables);
    const byHash = Boolean(options.persisted && documentHash(document));
    let result = await postWithRetry(operationBody(document, variables, byHash), requestOptions, replayable);
    if (byHash && options.persisted === "fallback" && notPersisted(result))
      result = await postWithRetry(operationBody(document, variables, false), requestOptions, replayable);
    if (result.errors?.length) throw new CityNetGraphQLError(result.errors, (result.data as R) ?? null);
    return result.data as R;
  }

  const client = { request, subscribe } as CityNetClient;
  const methods = client as unknown as Record<string, unknown>;
  for (const [name, document] of Object.entries(curatedOperations))
    methods[name] = (variables?: unknown, requestOptions?: RequestOptions) =>
      request(document as TypedDocumentNode<unknown, unknown>, variables, requestOptions);
  for (const [name, document] of Object.entries(curatedSubscriptions))
    methods[name] = (variables?: unknown, subscribeOptions?: SubscribeOptions) =>
      subscribe(document as TypedDocumentNode<unknown, unknown>, variables, subscribeOptions);
  return client;
}
