// Stable error codes clients can branch on (extensions.code). Anything else is masked.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { Prisma } from "../../generated/prisma/index.js";

export const ErrorCode = {
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INVALID_ID: "INVALID_ID",
  INVALID_CURSOR: "INVALID_CURSOR",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** Depth, alias, token, directive or cost limits. */
  OPERATION_LIMIT_EXCEEDED: "OPERATION_LIMIT_EXCEEDED",
  /** No valid credentials where they are needed (HTTP 401 when nothing else could be answered). */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** Signed in, but the caller's role or scope does not reach this. */
  FORBIDDEN: "FORBIDDEN",
  /** An update named a version that is no longer current; extensions.currentVersion has it. */
  CONFLICT: "CONFLICT",
  /** A query text sent to a server that runs only persisted documents (CITYNET_PERSISTED_ONLY). */
  PERSISTED_QUERY_ONLY: "PERSISTED_QUERY_ONLY",
  /** The client spent its cost budget for the window: HTTP 429, retry after Retry-After seconds. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The request itself is malformed (its variables or extensions are not JSON): HTTP 400. */
  BAD_REQUEST: "BAD_REQUEST",
  /** The database cannot be reached right now: transient, retry after the Retry-After seconds (HTTP 503). */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** How long a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

// PostgreSQL's connection-exception and operator-intervention classes, the socket errors of a
// database that went away, and Prisma's "cannot reach the database" codes.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|Connection ended unexpectedly/i;

/** Whether an error (or one it was caused by) says the database is unreachable, not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, originalError } = error as Record<string, unknown>;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError("The database cannot be reached right now; retry shortly", {
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      http: { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    },
  });
}

export function notFound(type: string, key: string): GraphQLError {
  return new GraphQLError(`No ${type} with ${key}`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** Bad input; `field` is the offending input field's path ("input.description.0.lang"). */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}

export function conflict(type: string, expectedVersion: number, currentVersion: number): GraphQLError {
  return new GraphQLError(
    `The ${type} changed since version ${expectedVersion} was read (now version ${currentVersion}); read it again and retry`,
    { extensions: { code: ErrorCode.CONFLICT, currentVersion } },
  );
}

/** A write that met another change than a version's, made meanwhile: send it again. */
export function changedMeanwhile(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

/**
 * Errors thrown below our resolvers that are the client's doing: Pothos' argument checks
 * (ids, cursors, page sizes), Prisma's "record not found" for a well-formed unknown id, and
 * PostgreSQL cancelling a statement that ran past the statement timeout.
 */
export function clientErrorFrom(error: unknown): GraphQLError | null {
  if (/canceling statement due to statement timeout/.test(String((error as Error)?.message)))
    return new GraphQLError(
      "The query ran longer than the server allows; ask for less (fewer hops, a narrower filter)",
      {
        extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED },
      },
    );
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")
    return new GraphQLError("No record with that id", { extensions: { code: ErrorCode.NOT_FOUND } });
  if (!(error instanceof PothosValidationError)) return null;
  const code = /global id|is not of type/i.test(error.message)
    ? ErrorCode.INVALID_ID
    : /cursor/i.test(error.message)
      ? ErrorCode.INVALID_CURSOR
      : ErrorCode.BAD_USER_INPUT;
  return new GraphQLError(error.message, { extensions: { code } });
}
