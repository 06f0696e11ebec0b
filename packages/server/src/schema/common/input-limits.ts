// Every string a client sends is checked before anything runs: its length against the limit of
// the argument or input field it is given for (200 characters unless the schema says more, as
// descriptions and multilingual texts do), and its content (no NUL character, which PostgreSQL
// cannot store, nor a lone UTF-16 surrogate, which is no text at all). A 2 MB search text used
// to reach the database and hold a connection for seconds.

import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type DocumentNode,
  GraphQLError,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { getOrCreate } from "../../lib/get-or-create.js";
import { ErrorCode } from "./errors.js";

/** The largest request body read (the query, its variables and extensions), in bytes. */
export const MAX_BODY_BYTES = 1_000_000;
/** The longest operation text parsed (GraphiQL's examples are under 3,000 characters). */
export const MAX_DOCUMENT_LENGTH = 100_000;

/** The longest string an argument or input field takes when its definition names no other limit. */
export const DEFAULT_MAX_LENGTH = 200;

/** Extensions of an argument or input field that takes longer strings. */
export const maxLength = (characters: number) => ({ maxLength: characters });

const limitOf = (definition: { extensions?: Record<string, unknown> | null }) =>
  (definition.extensions?.maxLength as number | undefined) ?? DEFAULT_MAX_LENGTH;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkString(text: string, limit: number, path: string): void {
  if (text.length > limit) throw refusal(`At most ${limit} characters`, path);
  if (text.includes("\u0000")) throw refusal("Text must not contain NUL characters", path);
  if (LONE_SURROGATE.test(text)) throw refusal("Text must be valid Unicode (a lone surrogate)", path);
}

const refusal = (message: string, field: string) =>
  new GraphQLError(`${field}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });

const unwrap = (type: GraphQLInputType): GraphQLInputType =>
  type instanceof GraphQLNonNull ? unwrap(type.ofType) : type;

/** Checks a variable's value (as sent, in JSON) against the type it is used as. */
function checkValue(value: unknown, type: GraphQLInputType, limit: number, path: string): void {
  const named = unwrap(type);
  if (value == null) return;
  if (named instanceof GraphQLList) {
    if (!Array.isArray(value)) checkValue(value, named.ofType, limit, path);
    else for (const [i, item] of value.entries()) checkValue(item, named.ofType, limit, `${path}.${i}`);
  } else if (named instanceof GraphQLInputObjectType) {
    if (typeof value !== "object") return;
    const fields = named.getFields();
    for (const [key, item] of Object.entries(value))
      if (fields[key]) checkValue(item, fields[key].type, limitOf(fields[key]), `${path}.${key}`);
  } else if (named instanceof GraphQLScalarType && typeof value === "string") checkString(value, limit, path);
}

/** Checks a literal in the document, and the variables it names, against its type. */
function checkNode(
  node: ValueNode,
  type: GraphQLInputType,
  limit: number,
  path: string,
  variables: Record<string, unknown>,
): void {
  const named = unwrap(type);
  switch (node.kind) {
    case Kind.VARIABLE:
      checkValue(variables[node.name.value], type, limit, path);
      return;
    case Kind.STRING:
      checkString(node.value, limit, path);
      return;
    case Kind.LIST:
      if (named instanceof GraphQLList)
        for (const [i, item] of node.values.entries()) checkNode(item, named.ofType, limit, `${path}.${i}`, variables);
      return;
    case Kind.OBJECT: {
      if (!(named instanceof GraphQLInputObjectType)) return;
      const fields = named.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (definition)
          checkNode(field.value, definition.type, limitOf(definition), `${path}.${field.name.value}`, variables);
      }
      return;
    }
    default:
      return;
  }
}

/** An argument of a document: its value as written, the type it takes, its limit and name. */
interface ArgumentUse {
  value: ValueNode;
  type: GraphQLInputType;
  limit: number;
  name: string;
}

/**
 * The arguments of each document, found once: parsed documents are cached and sent again and
 * again, and walking one with its TypeInfo cost a search 4% of its CPU. Only the variables'
 * values differ between requests.
 */
const argumentUses = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ArgumentUse[]>>();

function argumentsOf(schema: GraphQLSchema, document: DocumentNode): ArgumentUse[] {
  const bySchema = getOrCreate(argumentUses, schema, () => new WeakMap<DocumentNode, ArgumentUse[]>());
  return getOrCreate(bySchema, document, () => {
    const uses: ArgumentUse[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          if (argument)
            uses.push({ value: node.value, type: argument.type, limit: limitOf(argument), name: node.name.value });
        },
      }),
    );
    return uses;
  });
}

/** The first string of the operation that breaks its limits, as a BAD_USER_INPUT error. */
export function inputLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError | null {
  try {
    for (const { value, type, limit, name } of argumentsOf(schema, document))
      checkNode(value, type, limit, name, variables ?? {});
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  return null;
}

/** Refuses, before execution (and so before any SQL), an operation whose strings break their limits. */
export function useInputLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = inputLimitError(args.schema, args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/**
 * Refuses a request whose body does not state its length (a chunked one) with HTTP 411: the
 * body limit is checked against Content-Length (useRequestSizeLimits), and HTTP reads no byte
 * past it, so no body needs counting as it streams in (yoga's own count cost 6% of a page's
 * CPU). Browsers, fetch and the GraphQL clients state it. True when it answered.
 */
export function refusedUnmeasuredBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers["transfer-encoding"] === undefined) return false;
  const message = "The request body must state its length (Content-Length); a chunked body is not read";
  res
    .writeHead(411, { "content-type": "application/json", connection: "close" })
    .end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] }));
  return true;
}

/**
 * Refuses, before the body is read or the operation parsed, a request too large to be an
 * honest operation: parsed documents are cached, so every accepted byte may stay in memory.
 */
export function useRequestSizeLimits(): Plugin {
  const tooLarge = (message: string) =>
    new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 413 } } });
  return {
    onRequest({ request, endResponse }) {
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > MAX_BODY_BYTES)
        endResponse(
          Response.json(
            {
              errors: [
                {
                  message: `The request body has ${length} bytes; at most ${MAX_BODY_BYTES} are read`,
                  extensions: { code: ErrorCode.BAD_REQUEST },
                },
              ],
            },
            { status: 413 },
          ),
        );
    },
    onParams({ params, setResult }) {
      if ((params.query?.length ?? 0) > MAX_DOCUMENT_LENGTH)
        setResult({ errors: [tooLarge(`The operation text is longer than ${MAX_DOCUMENT_LENGTH} characters`)] });
    },
  };
}
