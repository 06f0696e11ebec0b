// graphql-codegen plugin: the map of curated operations (name in camelCase → its typed
// document) from which the client derives one typed method per operation.
/** @type {import("@graphql-codegen/plugin-helpers").CodegenPlugin} */
module.exports = {
  plugin(_schema, documents) {
    const names = documents
      .flatMap((file) => file.document?.definitions ?? [])
      .filter((definition) => definition.kind === "OperationDefinition" && definition.name)
      .map((definition) => definition.name.value)
      .sort();
    const camel = (name) => name[0].toLowerCase() + name.slice(1);
    return [
      `import { ${names.map((n) => `${n}Document`).join(", ")} } from "./graphql.js";`,
      "",
      "/** The curated operations: `client.townPage(variables)` runs `TownPageDocument`. */",
      "export const curatedOperations = {",
      ...names.map((n) => `  ${camel(n)}: ${n}Document,`),
      "} as const;",
      "",
    ].join("\n");
  },
};
