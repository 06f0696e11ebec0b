// Typed errors, so a page can tell "offline" from "server said 503" from "no such town".

export class CityNetError extends Error {
  override name = "CityNetError";
}

/** The request never got an HTTP answer: offline, DNS, CORS, aborted or timed out. */
export class CityNetNetworkError extends CityNetError {
  override name = "CityNetNetworkError";
  constructor(
    message: string,
    readonly cause?: unknown,
    /** True when the client's own timeout ended the request. */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** The server answered with a non-2xx status and no GraphQL result. */
export class CityNetHttpError extends CityNetError {
  override name = "CityNetHttpError";
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`CityNet answered HTTP ${status}`);
  }
}

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * The stable codes of the API's errors (extensions.code): a client branches on them, e.g.
 * UNAUTHENTICATED (sign in again), FORBIDDEN, CONFLICT (read again, then retry).
 */
export type CityNetErrorCode =
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "INVALID_ID"
  | "INVALID_CURSOR"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "OPERATION_LIMIT_EXCEEDED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "GRAPHQL_PARSE_FAILED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "BAD_REQUEST"
  | "SERVICE_UNAVAILABLE"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR"
  // A code this client version does not know yet.
  | (string & {});

/** The server ran the operation and reported errors (NOT_FOUND, BAD_USER_INPUT, …). */
export class CityNetGraphQLError<Data = unknown> extends CityNetError {
  override name = "CityNetGraphQLError";
  constructor(
    readonly errors: GraphQLErrorEntry[],
    /** Whatever data the server returned beside the errors. */
    readonly data: Data | null,
  ) {
    super(errors.map((e) => e.message).join("; "));
  }

  /** extensions.code of the first error (stable; see the API's README). */
  get code(): CityNetErrorCode | undefined {
    return this.errors[0]?.extensions?.code as CityNetErrorCode | undefined;
  }

  get codes(): string[] {
    return this.errors.flatMap((e) => (e.extensions?.code ? [e.extensions.code] : []));
  }
}
