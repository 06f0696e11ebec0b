// graphql-codegen plugin: what normalized caches (Apollo Client's InMemoryCache, urql's
// graphcache) must know of the schema and cannot infer from a response: which types an interface
// or union may be, which object types have no id to key them by, and which arguments of each
// connection field select a different list (the rest page through one).
const { getNamedType, isAbstractType, isObjectType } = require("graphql");
const { getIntrospectedSchema, minifyIntrospectionQuery } = require("@urql/introspection");

const PAGING_ARGS = new Set(["first", "after", "last", "before"]);

/** @type {import("@graphql-codegen/plugin-helpers").CodegenPlugin} */
module.exports = {
  plugin(schema) {
    const types = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith("__"))
      .sort((a, b) => a.name.localeCompare(b.name));
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    const possibleTypes = Object.fromEntries(
      types.filter(isAbstractType).map((type) => [
        type.name,
        schema
          .getPossibleTypes(type)
          .map((t) => t.name)
          .sort(),
      ]),
    );
    const keylessTypes = types
      .filter((type) => isObjectType(type) && !roots.has(type) && !type.getFields().id)
      .map((type) => type.name);
    const isConnection = (type) => isObjectType(type) && Boolean(type.getFields().pageInfo);
    const connectionKeyArgs = {};
    for (const type of types.filter(isObjectType)) {
      for (const field of Object.values(type.getFields())) {
        if (!isConnection(getNamedType(field.type))) continue;
        connectionKeyArgs[type.name] ??= {};
        connectionKeyArgs[type.name][field.name] = field.args.map((a) => a.name).filter((a) => !PAGING_ARGS.has(a));
      }
    }
    // Graphcache needs the schema itself to write results of fragments on unions and
    // interfaces without warnings (with possibleTypes alone it enters every fragment on writes).
    const graphcacheSchema = minifyIntrospectionQuery(getIntrospectedSchema(schema), {
      includeScalars: false,
      includeEnums: false,
      includeInputs: false,
      includeDirectives: false,
    });
    const json = (value) => JSON.stringify(value, null, 2);
    return [
      "/** Each interface and union with the object types it may be (`possibleTypes` of Apollo Client and graphcache). */",
      `export const possibleTypes: Record<string, string[]> = ${json(possibleTypes)};`,
      "",
      "/** Object types without an id: a normalized cache keeps them inside the object that holds them. */",
      `export const keylessTypes: readonly string[] = ${json(keylessTypes)};`,
      "",
      "/** For each connection field, the arguments that select a different list (the paging arguments page through one). */",
      `export const connectionKeyArgs: Record<string, Record<string, string[]>> = ${json(connectionKeyArgs)};`,
      "",
      "/** The schema as urql graphcache's `schema` option takes it (minified introspection). */",
      `export const graphcacheSchema = ${JSON.stringify(graphcacheSchema)} as const;`,
      "",
    ].join("\n");
  },
};
