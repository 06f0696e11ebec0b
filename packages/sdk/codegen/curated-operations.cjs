// graphql-codegen plugin: the maps of curated operations (name in camelCase → its typed
// document) from which the client derives one typed method per operation: queries and mutations
// answer once, subscriptions are async iterators.
/** @type {import("@graphql-codegen/plugin-helpers").CodegenPlugin} */
module.exports = {
  plugin(_schema, documents) {
    const operations = documents
      .flatMap((file) => file.document?.definitions ?? [])
      .filter((definition) => definition.kind === "OperationDefinition" && definition.name)
      .sort((a, b) => a.name.value.localeCompare(b.name.value));
    const camel = (name) => name[0].toLowerCase() + name.slice(1);
    const map = (definitions) => definitions.map((d) => `  ${camel(d.name.value)}: ${d.name.value}Document,`);
    const subscriptions = operations.filter((d) => d.operation === "subscription");
    return [
      `import { ${operations.map((d) => `${d.name.value}Document`).join(", ")} } from "./graphql.js";`,
      "",
      "/** The curated queries and mutations: `client.townPage(variables)` runs `TownPageDocument`. */",
      "export const curatedOperations = {",
      ...map(operations.filter((d) => d.operation !== "subscription")),
      "} as const;",
      "",
      "/** The curated subscriptions: `client.partnerSearchPosted(variables)` iterates `PartnerSearchPostedDocument`. */",
      "export const curatedSubscriptions = {",
      ...map(subscriptions),
      "} as const;",
      "",
    ].join("\n");
  },
};
