// The OpenAPI 3.1 description of the REST exports, derived from their GraphQL documents: each
// parameter is a variable, each JSON answer the shape its selection gives.
import {
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type SelectionSetNode,
  typeFromAST,
} from "graphql";
import { fieldDefinition, fieldsOf, LANG, type RestOperation, responseKey } from "./operations.js";

type JsonSchema = Record<string, unknown>;

const SCALARS: Record<string, JsonSchema> = {
  Int: { type: "integer" },
  Float: { type: "number" },
  Boolean: { type: "boolean" },
  Date: { type: "string", format: "date" },
  DateTime: { type: "string", format: "date-time" },
};

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });

function leafSchema(type: GraphQLNamedType): JsonSchema {
  if (isEnumType(type)) return { type: "string", enum: type.getValues().map((v) => v.name) };
  return {
    ...(SCALARS[type.name] ?? { type: "string" }),
    ...(type.description ? { description: type.description } : {}),
  };
}

function inputSchema(type: GraphQLInputType): JsonSchema {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return { type: "array", items: inputSchema(inner.ofType) };
  if (isInputObjectType(inner)) return { type: "object", description: `${inner.name}, as JSON` };
  return leafSchema(inner);
}

function outputSchema(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selection: SelectionSetNode | undefined,
  operation: RestOperation,
): JsonSchema {
  if (isNonNullType(type)) return outputSchema(schema, type.ofType, selection, operation);
  const wrap = (s: JsonSchema) => nullable(s);
  if (isListType(type)) return wrap({ type: "array", items: outputSchema(schema, type.ofType, selection, operation) });
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named) || !selection) return wrap(leafSchema(named));
  const properties: Record<string, JsonSchema> = {};
  for (const { field, on } of fieldsOf(selection, operation.fragments)) {
    const definition = fieldDefinition(schema, named, field.name.value, on);
    properties[responseKey(field)] = {
      ...outputSchema(schema, definition.type, field.selectionSet, operation),
      ...(definition.description ? { description: definition.description } : {}),
    };
  }
  return wrap({ type: "object", properties });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } },
});

export function openApiDocument(schema: GraphQLSchema, operations: RestOperation[]): JsonSchema {
  const paths: Record<string, unknown> = {};
  for (const operation of operations) {
    const parameters = operation.variables
      .filter((v) => !(operation.paged && v.variable.name.value === "after"))
      .map((v) => {
        const type = typeFromAST(schema, v.type as never) as GraphQLType as GraphQLInputType;
        return {
          name: v.variable.name.value,
          in: "query",
          required: isNonNullType(type) && !v.defaultValue,
          schema: inputSchema(type),
          ...(isListType(isNonNullType(type) ? type.ofType : type) ? { style: "form", explode: true } : {}),
        };
      });
    const errors = {
      "400": errorResponse("A parameter is missing, unknown or invalid (extensions.code says which)"),
      "401": errorResponse("The answer needs a signed-in caller"),
      "403": errorResponse("The caller may not see this"),
      "404": errorResponse("No such record"),
    };
    const after = {
      name: "after",
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "The page after this cursor (the last page's pageInfo.endCursor).",
    };
    const lang = {
      name: LANG,
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "The language of localized texts (en, cs, pl, sl, de…); the Accept-Language header otherwise.",
    };
    if (!parameters.some((p) => p.name === LANG)) parameters.push(lang as (typeof parameters)[number]);
    const summary = `${operation.name}: the GraphQL query of the same name`;
    paths[`/rest/${operation.route}`] = {
      get: {
        operationId: operation.name,
        summary,
        parameters: operation.paged ? [...parameters, after] : parameters,
        responses: {
          "200": {
            description: "The query's data",
            content: {
              "application/json": {
                schema: outputSchema(schema, schema.getQueryType()!, operation.selection, operation),
              },
            },
          },
          ...errors,
        },
      },
    };
    const table = (format: "csv" | "xlsx", mediaType: string) => ({
      get: {
        operationId: `${operation.name}${format.toUpperCase()}`,
        summary: `${operation.name} as ${format.toUpperCase()}: every row${operation.paged ? " of every page" : ""}, one per line`,
        parameters,
        responses: {
          "200": {
            description: `Columns: ${operation.columns.map((c) => c.header).join(", ")}`,
            content: {
              [mediaType]: { schema: { type: "string", ...(format === "xlsx" ? { format: "binary" } : {}) } },
            },
          },
          ...errors,
        },
      },
    });
    paths[`/rest/${operation.route}.csv`] = table("csv", "text/csv");
    paths[`/rest/${operation.route}.xlsx`] = table(
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "CityNet exports",
      version: "1",
      description:
        "Read-only REST endpoints over the CityNet GraphQL API, for spreadsheets and BI tools. Each runs a named GraphQL query with the caller's rights (an API key as `Authorization: Bearer …`); CSV and XLSX cite each fact's sources in a `sources` column.",
    },
    paths,
    components: {
      schemas: {
        Errors: {
          type: "object",
          properties: {
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  message: { type: "string" },
                  extensions: { type: "object", properties: { code: { type: "string" } } },
                },
              },
            },
          },
        },
      },
    },
  };
}
