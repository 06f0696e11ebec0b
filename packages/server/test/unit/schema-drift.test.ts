// schema.graphql is the printed schema of the code; CI fails when they disagree.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { printedSchema, SCHEMA_FILE } from "../../src/schema/printed.js";

it("schema.graphql matches the schema the code builds (run `pnpm schema:print` after changing it)", () => {
  expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
});

it("supergraph.graphql is our subgraphs composed (run `pnpm supergraph:print` after changing them)", async () => {
  const { localSupergraph, SUPERGRAPH_FILE } = await import("../../src/gateway.js");
  expect(readFileSync(SUPERGRAPH_FILE, "utf8")).toBe(localSupergraph());
});

it("composes the subgraphs into exactly the public API of schema.graphql", async () => {
  const { buildSchema, lexicographicSortSchema, printSchema } = await import("graphql");
  const { compose, subgraphUrls } = await import("../../src/gateway.js");
  const { publicSdl } = compose(subgraphUrls("127.0.0.1", 4000));
  expect(`${printSchema(lexicographicSortSchema(buildSchema(publicSdl)))}\n`).toBe(printedSchema());
});

it("describes every type, field, argument and enum value for GraphiQL's docs", async () => {
  const { isEnumType } = await import("graphql");
  const { schema } = await import("../../src/schema/index.js");
  const undocumented: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description) undocumented.push(type.name);
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    if ("getFields" in type)
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : [])
          if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
      }
  }
  for (const directive of schema.getDirectives())
    for (const arg of directive.args) if (!arg.description) undocumented.push(`@${directive.name}(${arg.name})`);
  expect(undocumented).toEqual([]);
});

it("pages only Nodes: every connection's node has a global id a normalized cache can key", async () => {
  const { getNamedType, isObjectType } = await import("graphql");
  const { schema } = await import("../../src/schema/index.js");
  const fieldType = (type: unknown, field: string) =>
    isObjectType(type) ? getNamedType(type.getFields()[field]?.type) : undefined;
  const connections = Object.values(schema.getTypeMap()).filter((type) => fieldType(type, "pageInfo"));
  expect(connections.length).toBeGreaterThan(20);
  const keyless = connections
    .map((connection) => fieldType(fieldType(connection, "edges"), "node"))
    .filter((node) => !isObjectType(node) || !node.getInterfaces().some((i) => i.name === "Node"))
    .map((node) => node?.name)
    // An audit entry is seen only through its record's `history`, by that record's writers: it
    // has no public identity to fetch by, and caches keep it inside its record.
    .filter((name) => name !== "AuditEntry");
  expect(keyless).toEqual([]);
});

it("opens GraphiQL with example operations that are valid against the schema", async () => {
  const { parse, validate } = await import("graphql");
  const { schema } = await import("../../src/schema/index.js");
  const { EXAMPLE_OPERATIONS } = await import("../../src/graphiql-examples.js");
  expect(validate(schema, parse(EXAMPLE_OPERATIONS)).map((e) => e.message)).toEqual([]);
});
