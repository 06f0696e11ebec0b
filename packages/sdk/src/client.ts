// A small fetch-based client: no Node-only APIs, so it runs in browsers, Node 20+ and workers.
import type { ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
import { type DocumentNode, print } from "graphql";
import { CityNetGraphQLError, CityNetHttpError, CityNetNetworkError, type GraphQLErrorEntry } from "./errors.js";
import { curatedOperations } from "./generated/operations.js";

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

type Curated = typeof curatedOperations;

/** Operations whose variables are all optional may be called without arguments. */
type VariablesArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

export type CuratedMethods = {
  [Name in keyof Curated]: (...args: VariablesArgs<VariablesOf<Curated[Name]>>) => Promise<ResultOf<Curated[Name]>>;
};

export interface CityNetClient extends CuratedMethods {
  /** Runs any typed document (from `graphql()` or the curated ones). */
  request<R, V>(document: TypedDocumentNode<R, V>, ...args: VariablesArgs<V>): Promise<R>;
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

  async function post(body: Record<string, unknown>, requestOptions: RequestOptions): Promise<GraphQLResponse> {
    const timeout = options.timeoutMs ? new AbortController() : null;
    const timer = timeout ? setTimeout(() => timeout.abort(new Error("timeout")), options.timeoutMs) : null;
    const { signal, dispose } = combineSignals([options.signal, requestOptions.signal, timeout?.signal]);
    let response: Response;
    try {
      const token = (await options.token?.()) ?? options.apiKey;
      response = await doFetch(options.endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(options.lang ? { "accept-language": options.lang } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
          ...requestOptions.headers,
        },
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
    const json = (() => {
      try {
        return JSON.parse(text) as GraphQLResponse;
      } catch {
        return null;
      }
    })();
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

  async function request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables?: V,
    requestOptions: RequestOptions = {},
  ): Promise<R> {
    const hash = options.persisted ? documentHash(document) : undefined;
    const replayable = isReplayable(document, variables);
    let result: GraphQLResponse;
    if (hash) {
      result = await postWithRetry(
        { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
        requestOptions,
        replayable,
      );
      if (options.persisted === "fallback" && notPersisted(result))
        result = await postWithRetry({ query: queryText(document), variables }, requestOptions, replayable);
    } else {
      result = await postWithRetry({ query: queryText(document), variables }, requestOptions, replayable);
    }
    if (result.errors?.length) throw new CityNetGraphQLError(result.errors, (result.data as R) ?? null);
    return result.data as R;
  }

  const client = { request } as CityNetClient;
  for (const [name, document] of Object.entries(curatedOperations)) {
    (client as unknown as Record<string, unknown>)[name] = (variables?: unknown, requestOptions?: RequestOptions) =>
      request(document as TypedDocumentNode<unknown, unknown>, variables, requestOptions);
  }
  return client;
}
