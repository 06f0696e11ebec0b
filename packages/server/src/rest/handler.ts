// /rest: the export queries as GET endpoints. Each request runs its GraphQL query through the
// app's own /graphql pipeline with the caller's headers, so rights, limits, the SQL planner and
// the caches apply as they do to any query. CSV and XLSX page through a connection to its end,
// writing each page as it comes.
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNullableType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
} from "graphql";
import { ErrorCode } from "../schema/common/errors.js";
import { openApiDocument } from "./openapi.js";
import { LANG, loadRestOperations, type RestOperation } from "./operations.js";
import { type Cell, cellOf, csvWriter, type TableWriter, xlsxWriter } from "./tabular.js";

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

type Execute = (request: Request) => Promise<Response>;

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

const FORWARDED_HEADERS = ["authorization", "accept-language", "x-request-id"];

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

/** One query-string value as the variable's type wants it; GraphQL checks the rest. */
function parseValue(text: string, type: GraphQLInputType, name: string): unknown {
  const named = getNullableType(type);
  if (isInputObjectType(named)) {
    try {
      return JSON.parse(text);
    } catch {
      throw badInput(`Parameter "${name}" must be a JSON object`);
    }
  }
  switch ("name" in named ? named.name : "") {
    case "Int":
    case "Float":
      if (text.trim() === "" || !Number.isFinite(Number(text))) throw badInput(`Parameter "${name}" must be a number`);
      return Number(text);
    case "Boolean":
      if (text !== "true" && text !== "false") throw badInput(`Parameter "${name}" must be true or false`);
      return text === "true";
    default:
      return text;
  }
}

function variablesFrom(schema: GraphQLSchema, operation: RestOperation, params: URLSearchParams) {
  const names = new Set(operation.variables.map((v) => v.variable.name.value));
  for (const key of params.keys())
    if (key !== LANG && (!names.has(key) || (key === "after" && !operation.paged)))
      throw badInput(
        `Unknown parameter "${key}"; /rest/${operation.route} takes ${[...names].join(", ") || "no parameters"}`,
      );
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variables) {
    const name = definition.variable.name.value;
    const values = params.getAll(name);
    if (!values.length) continue;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (isListType(nullable)) variables[name] = values.map((v) => parseValue(v, nullable.ofType, name));
    else if (values.length > 1) throw badInput(`Parameter "${name}" takes one value`);
    else variables[name] = parseValue(values[0], nullable, name);
  }
  return variables;
}

function at(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value == null ? value : (value as Record<string, unknown>)[key]), data);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function sendErrors(res: ServerResponse, errors: NonNullable<GraphQLAnswer["errors"]>) {
  const code = errors[0]?.extensions?.code ?? ErrorCode.BAD_USER_INPUT;
  sendJson(res, STATUS[code] ?? 400, { errors });
}

export function createRest(schema: GraphQLSchema, execute: Execute) {
  const operations = new Map(loadRestOperations(schema).map((o) => [o.route, o]));
  const openApi = JSON.stringify(openApiDocument(schema, [...operations.values()]));

  /** The caller's headers for the queries an export runs: its key, language and request id. */
  function forwardedHeaders(req: IncomingMessage, url: URL): Record<string, string> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const lang = url.searchParams.get(LANG);
    if (lang) headers["accept-language"] = lang;
    return headers;
  }

  async function run(headers: Record<string, string>, operation: RestOperation, variables: Record<string, unknown>) {
    const response = await execute(
      new Request("http://citynet.internal/graphql", {
        method: "POST",
        headers,
        body: JSON.stringify({ query: operation.text, variables, operationName: operation.name }),
      }),
    );
    return (await response.json()) as GraphQLAnswer;
  }

  const rowsOf = (operation: RestOperation, data: unknown): Cell[][] =>
    ((at(data, operation.rowsPath) as unknown[] | null) ?? []).map((row) =>
      operation.columns.map((column) => cellOf(row, column)),
    );

  async function table(
    headers: Record<string, string>,
    res: ServerResponse,
    operation: RestOperation,
    variables: Record<string, unknown>,
    format: "csv" | "xlsx",
  ) {
    // The first page decides the status: its errors are answered as errors, not as a file.
    let answer = await run(headers, operation, variables);
    if (answer.errors?.length) return sendErrors(res, answer.errors);
    res.writeHead(200, {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE,
      "content-disposition": `attachment; filename="${operation.route}.${format}"`,
      "cache-control": "no-store",
    });
    const sink = async (chunk: Uint8Array) => {
      if (!res.write(chunk)) await once(res, "drain");
    };
    const header = operation.columns.map((c) => c.header);
    const writer: TableWriter = format === "csv" ? csvWriter(header, sink) : xlsxWriter(operation.name, header, sink);
    const pageInfoPath = [...operation.rowsPath.slice(0, -1), "pageInfo"];
    for (;;) {
      await writer.rows(rowsOf(operation, answer.data));
      const pageInfo = at(answer.data, pageInfoPath) as { hasNextPage: boolean; endCursor: string } | undefined;
      if (!operation.paged || !pageInfo?.hasNextPage || res.destroyed) break;
      answer = await run(headers, operation, { ...variables, after: pageInfo.endCursor });
      // Headers are out: a failed later page breaks the download rather than end it short.
      if (answer.errors?.length) {
        res.destroy(new Error(answer.errors[0].message));
        return;
      }
    }
    await writer.end();
    res.end();
  }

  /** Answers a request under /rest. */
  return async function handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://citynet.internal");
    if (req.method !== "GET" && req.method !== "HEAD")
      return sendJson(res, 405, {
        errors: [{ message: "The exports are read with GET", extensions: { code: ErrorCode.BAD_REQUEST } }],
      });
    const route = url.pathname.replace(/^\/rest\/?/, "");
    if (route === "openapi.json") {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(openApi);
      return;
    }
    const [, name, format] = /^([a-z-]+)(?:\.(csv|xlsx))?$/.exec(route) ?? [];
    const operation = name ? operations.get(name) : undefined;
    if (!operation)
      return sendJson(res, 404, {
        errors: [
          {
            message: `No export at ${url.pathname}; /rest/openapi.json lists them`,
            extensions: { code: ErrorCode.NOT_FOUND },
          },
        ],
      });
    let variables: Record<string, unknown>;
    try {
      variables = variablesFrom(schema, operation, url.searchParams);
    } catch (error) {
      return sendErrors(res, [{ message: (error as Error).message, extensions: { code: ErrorCode.BAD_USER_INPUT } }]);
    }
    const headers = forwardedHeaders(req, url);
    if (format) return table(headers, res, operation, variables, format as "csv" | "xlsx");
    const answer = await run(headers, operation, variables);
    if (answer.errors?.length) return sendErrors(res, answer.errors);
    sendJson(res, 200, answer.data);
  };
}
